import functools
import threading
import time
import urllib.request


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.read()


def in_background(url):
    # Runs `fetch` in a thread: starting it does not block.
    thread = threading.Thread(target=fetch, args=(url,))
    thread.start()
    return thread


def later(url):
    # Only a lambda and a nested function block, when something calls them.
    def inner():
        time.sleep(1)

    return lambda: fetch(url), inner


def even(n):
    return n == 0 or odd(n - 1)


def odd(n):
    return n != 0 and even(n - 1)


@functools.lru_cache
def cached(url):
    return fetch(url)


def pages(urls):
    # A generator: calling it runs nothing.
    for url in urls:
        yield fetch(url)


def swapped(url):
    return fetch(url)
