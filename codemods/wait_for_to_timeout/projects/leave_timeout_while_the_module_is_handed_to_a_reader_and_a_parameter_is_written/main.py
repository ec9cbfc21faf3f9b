# asyncmod-runtime: compare
import asyncio, sys, types, operator, functools, inspect, importlib, builtins
import app
import app.svc as svc
def describe(m):
    print("module", m.__name__, "timeout", m.TIMEOUT)
describe(svc)
def force(box):
    box.TIMEOUT = 0
class Box:
    TIMEOUT = 5
force(Box)
async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())
asyncio.run(main())
