TIMEOUT = 5


def reset():
    # A literal above zero, not what a caller passes.
    global TIMEOUT
    TIMEOUT = 10
