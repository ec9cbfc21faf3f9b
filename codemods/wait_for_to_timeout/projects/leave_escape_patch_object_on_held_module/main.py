# asyncmod-runtime: compare
import asyncio, sys, importlib, functools, contextlib, types
import unittest.mock as um
from unittest import mock
import app
import app.svc
from app import svc

async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())

class Base:
    target = svc
    def run(self):
        with mock.patch.object(self.target, "TIMEOUT", 0):
            asyncio.run(main())
Base().run()
