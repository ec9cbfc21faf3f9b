"""Zero timeouts the code counts up from, computes from a count, or unpacks:
`range(3)` starts at zero, `attempt * 0.5` is zero on the first attempt,
`first, later = 0, 1` gives `first` a zero."""
import asyncio


async def escalate(q):
    for t in range(3):
        try:
            item = await asyncio.wait_for(q.get(), t)  # leave, reported
            print("got", item, "at timeout", t)
            break
        except TimeoutError:
            print("timeout", t)


async def backoff(q):
    for attempt in range(3):
        delay = attempt * 0.5
        try:
            item = await asyncio.wait_for(q.get(), delay)  # leave, reported
            print("got", item, "attempt", attempt)
            break
        except TimeoutError:
            print("timeout attempt", attempt)


async def unpacked(q):
    first, later = 0, 1
    try:
        item = await asyncio.wait_for(q.get(), first)  # leave, reported
    except TimeoutError:
        item = None
    print(item, q.qsize())


async def main():
    for each in (escalate, backoff, unpacked):
        q = asyncio.Queue()
        q.put_nowait("a")
        await each(q)


asyncio.run(main())
