# asyncmod-runtime: compare
import asyncio
from settings import TIMEOUT
async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await asyncio.wait_for(q.get(), TIMEOUT)
        print("got", r)
    except TimeoutError:
        print("timed out")
    print("left in queue:", q.qsize())
asyncio.run(main())
