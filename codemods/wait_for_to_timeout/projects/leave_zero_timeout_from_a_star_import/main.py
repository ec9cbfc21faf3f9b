# asyncmod-runtime: compare
import asyncio

from settings import POLL_TIMEOUT


async def take(q):
    return q.get_nowait()


async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        got = await asyncio.wait_for(take(q), POLL_TIMEOUT)
        print("got", got)
    except TimeoutError:
        print("timed out; items left:", q.qsize())

asyncio.run(main())
