from tools import pong


def ping(n):
    return pong.pong(n - 1) if n > 0 else n
