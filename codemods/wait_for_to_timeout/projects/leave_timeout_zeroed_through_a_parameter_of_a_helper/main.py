# asyncmod-runtime: compare
import asyncio, sys, types, operator, functools, inspect, importlib, builtins
import app
import app.svc as svc
def force(m):
    m.TIMEOUT = 0
force(svc)
async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())
asyncio.run(main())
