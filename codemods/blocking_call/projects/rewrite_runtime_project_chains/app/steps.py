from tools import io


def prepare(seconds):
    return io.settle(seconds)
