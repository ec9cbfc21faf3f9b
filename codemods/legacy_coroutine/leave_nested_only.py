import asyncio


@asyncio.coroutine
def factory(source):  # leave, reported: only a nested def yields
    def gen():
        yield from source
    return gen()
