# asyncmod-runtime: compare
import asyncio
import contextlib


class Inbox:
    def __init__(self):
        self.q = asyncio.Queue()

    @staticmethod
    async def take(q, timeout=5):
        return await asyncio.wait_for(q.get(), timeout)

    async def receive(self, timeout=5.0):
        return await asyncio.wait_for(self.q.get(), timeout)


@contextlib.asynccontextmanager
async def taken(q, timeout=5):
    item = await asyncio.wait_for(q.get(), timeout)
    yield item


async def main():
    box = Inbox()
    box.q.put_nowait("item")
    box.q.put_nowait("item")
    print("take got", await Inbox.take(box.q, 1.5), "left", box.q.qsize())
    print("receive got", await box.receive(), "left", box.q.qsize())
    box.q.put_nowait("item")
    async with taken(box.q) as item:
        print("entered", item, "left", box.q.qsize())


asyncio.run(main())
