"""A timeout parameter that a call of this module may set to zero without
naming the function: through `functools.partial`, an alias, `getattr` with
the name spelled, or a boolean (`not 1` is `False`, zero). `wait_for` with
a zero timeout cancels the awaitable before it starts (the item stays
queued); `timeout(0)` would let it take the item."""
import asyncio
import functools


async def take(q, timeout):
    try:
        item = await asyncio.wait_for(q.get(), timeout)  # leave, reported: a call may pass zero
        return f"got {item}"
    except TimeoutError:
        return f"timeout; queued: {q.qsize()}"


async def poll_alias(q, timeout):
    try:
        item = await asyncio.wait_for(q.get(), timeout)  # leave, reported: an alias may pass zero
        return f"got {item}"
    except TimeoutError:
        return f"timeout; queued: {q.qsize()}"


class Box:
    def __init__(self):
        self.q = asyncio.Queue()

    async def receive(self, timeout=5):
        try:
            item = await asyncio.wait_for(self.q.get(), timeout)  # leave, reported: getattr may pass zero
            return f"got {item}"
        except TimeoutError:
            return f"timeout; queued: {self.q.qsize()}"


async def flag(q):
    try:
        item = await asyncio.wait_for(q.get(), not 1)  # leave, reported: `not 1` is zero
        return f"got {item}"
    except TimeoutError:
        return f"timeout; queued: {q.qsize()}"


async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    print(await functools.partial(take, timeout=0)(q))
    poll = poll_alias
    print(await poll(q, 0))
    box = Box()
    box.q.put_nowait("item")
    opts = {"timeout": 0}
    print(await getattr(box, "receive")(**opts))
    print(await flag(q))


asyncio.run(main())
