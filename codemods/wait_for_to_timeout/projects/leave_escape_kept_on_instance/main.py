# asyncmod-runtime: compare
import asyncio, sys, importlib, functools, contextlib, types
import app
import app.svc
from app import svc
class Cfg:
    def __init__(self, m):
        self.m = m
    def apply(self):
        self.m.TIMEOUT = 0
Cfg(svc).apply()

async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())

asyncio.run(main())
