import asyncio


def check(asyncio, error):
    return isinstance(error, asyncio.TimeoutError)  # leave: `asyncio` is a parameter


class Fake:
    TimeoutError = RuntimeError


def patched(error):
    asyncio = Fake()
    return isinstance(error, asyncio.TimeoutError)  # leave: rebound locally
