import asyncio


class Countdown:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.n


def deferred():
    return asyncio.get_running_loop().create_future()


async def ticks():
    yield 1


async def main():
    asyncio.ensure_future(Countdown(3))  # leave: an awaitable, not a coroutine
    asyncio.ensure_future(deferred())  # leave: a plain def may return a future
    asyncio.ensure_future(ticks())  # leave: an async generator
    asyncio.ensure_future(Deferred())  # leave: looks like a class
