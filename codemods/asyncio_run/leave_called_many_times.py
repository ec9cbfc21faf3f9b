"""Synchronous facades that may run many times: unsafe fixes only."""
import asyncio
import functools


async def fetch(x):
    await asyncio.sleep(0)
    return x * 2


def in_a_loop(x):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(fetch(x))  # leave (unsafe): called in a loop
    finally:
        loop.close()


def as_callback(x):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(fetch(x))  # leave (unsafe): passed to `map`
    finally:
        loop.close()


def remember(f):
    return functools.lru_cache(maxsize=None)(f)


@remember
def decorated(x):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(fetch(x))  # leave (unsafe): decorated
    finally:
        loop.close()


class Api:
    def get(self, x):
        loop = asyncio.new_event_loop()
        try:
            return loop.run_until_complete(fetch(x))  # leave (unsafe): a method
        finally:
            loop.close()


def countdown(n):
    loop = asyncio.new_event_loop()
    try:
        value = loop.run_until_complete(fetch(n))  # leave (unsafe): recursive
    finally:
        loop.close()
    return countdown(n - 1) if n else value


def main():
    loop = asyncio.new_event_loop()
    try:
        # leave (unsafe): called once here, but another module may import
        # `main` and call it again
        return loop.run_until_complete(fetch(9))
    finally:
        loop.close()


for i in range(2):
    print(in_a_loop(i))
print(list(map(as_callback, [3, 4])))
print(decorated(5), Api().get(6), countdown(2))

if __name__ == "__main__":

    def twice(x):
        loop = asyncio.new_event_loop()
        try:
            return loop.run_until_complete(fetch(x))  # leave (unsafe): called twice
        finally:
            loop.close()

    print(twice(7), twice(8), main())
