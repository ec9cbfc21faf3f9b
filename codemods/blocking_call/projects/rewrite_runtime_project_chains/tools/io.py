import time

from . import text


def read_config(path):
    with open(path) as f:
        return f.read().strip()


def count_lines(path):
    return len(text.lines_of(path))


def settle(seconds):
    time.sleep(seconds)
    return seconds
