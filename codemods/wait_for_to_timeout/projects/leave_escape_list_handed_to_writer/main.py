# asyncmod-runtime: compare
import asyncio, sys, importlib, functools, contextlib, types
import app
import app.svc
from app import svc
def force(mods):
    for m in mods:
        m.TIMEOUT = 0
force([svc])

async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())

asyncio.run(main())
