# asyncmod-runtime: compare
import asyncio, sys, importlib
import app.svc
from app import svc

def force(m, v):
    m.TIMEOUT = v

force(sys.modules["app.svc"], 0)

async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())

asyncio.run(main())
