"""Programs that changed behaviour after an early version of the fix."""
import asyncio
import contextlib
import queue


async def worker(q: asyncio.Queue):
    # leave (without --unsafe-fixes): only the annotation says asyncio's
    # queue, and a caller passes a thread queue whose `put` is plain.
    q.put(1)
    print("put done")


async def fetch():
    return {"k": 1}


async def caught():
    r = fetch()  # leave: reported, the failure is caught and the fallback runs
    try:
        v = r["k"]
    except TypeError:
        v = "fallback"
    print(v)


async def suppressed():
    r = fetch()  # leave: reported, the failure is suppressed
    v = "none"
    with contextlib.suppress(TypeError):
        v = r["k"]
    print(v)


async def main():
    await worker(queue.Queue())
    await caught()
    await suppressed()


asyncio.run(main())
