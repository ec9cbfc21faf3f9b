"""A parameter that a caller in the module sets to zero, by position or by
keyword on a method: with a zero timeout `wait_for` cancels `q.get()`
before it starts (the item stays queued), `timeout()` would take it."""
import asyncio


async def take(q, timeout):
    try:
        item = await asyncio.wait_for(q.get(), timeout)  # leave, reported
    except asyncio.TimeoutError:
        return None
    return item


class Inbox:
    def __init__(self):
        self.q = asyncio.Queue()

    async def receive(self, timeout=None):
        try:
            msg = await asyncio.wait_for(self.q.get(), timeout=timeout)  # leave, reported
        except asyncio.TimeoutError:
            msg = None
        return msg


async def main():
    q = asyncio.Queue()
    q.put_nowait("job-1")
    print("poll ->", await take(q, 0))  # a non-blocking poll
    print("left in queue:", q.qsize())
    box = Inbox()
    box.q.put_nowait("hello")
    print("nonblocking receive ->", await box.receive(timeout=0))
    print("still queued:", box.q.qsize())


asyncio.run(main())
