# asyncmod-runtime: compare
import asyncio, sys, importlib, functools
import app
import app.svc
from app import svc
class Box:
    mod = svc
Box.mod.TIMEOUT = 0

async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())

asyncio.run(main())
