import asyncio


@asyncio.coroutine
def drain(stream):  # leave, reported: `stream.drain()` may be a plain generator
    yield from stream.drain()
    yield from asyncio.sleep(0)
