import asyncio


class Base:
    # A subclass in another module drives it by hand with `next()`: the fix
    # is unsafe.
    @asyncio.coroutine
    def load(self):
        yield from asyncio.sleep(0)
        return "base"
