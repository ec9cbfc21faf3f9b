import asyncio


class Base:
    @asyncio.coroutine
    def load(self):
        yield from asyncio.sleep(0)
        return "base"

    @asyncio.coroutine
    def run(self):
        r = yield from self.load()
        return "run:" + r
