import threading
import time


def read_config(path):
    with open(path) as f:
        return f.read()


def settle(seconds):
    time.sleep(seconds)


def later(seconds):
    def inner():
        time.sleep(seconds)

    return inner


def spawn(seconds):
    thread = threading.Thread(target=settle, args=(seconds,))
    thread.start()
    return thread
