# asyncmod-runtime: compare
import asyncio
import app.patch
from app import svc

async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())

asyncio.run(main())
