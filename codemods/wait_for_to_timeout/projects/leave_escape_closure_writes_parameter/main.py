# asyncmod-runtime: compare
import asyncio, sys, importlib, functools, contextlib, types
import app
import app.svc
from app import svc
def outer(m):
    def inner():
        m.TIMEOUT = 0
    inner()
outer(svc)

async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())

asyncio.run(main())
