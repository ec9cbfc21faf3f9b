# asyncmod-runtime: compare
import asyncio

import settings


async def take(q):
    return q.get_nowait()


async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        got = await asyncio.wait_for(take(q), settings.TIMEOUT)
        print("got", got)
    except TimeoutError:
        print("timed out; items left:", q.qsize())

asyncio.run(main())
