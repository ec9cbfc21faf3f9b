TIMEOUT = 5
def configure(t):
    global TIMEOUT
    TIMEOUT = t
