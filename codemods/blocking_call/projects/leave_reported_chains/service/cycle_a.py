from service import cycle_b


def ping(n):
    if n:
        return cycle_b.pong(n - 1)
    return 0
