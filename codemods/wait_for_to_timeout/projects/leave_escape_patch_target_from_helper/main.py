# asyncmod-runtime: compare
import asyncio, sys
from unittest import mock
from app import svc

MODULE = "app.svc"

async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await svc.take(q)
        print("got", r, "left", q.qsize())
    except TimeoutError:
        print("timeout; left", q.qsize())

def target(name):
    return f"{MODULE}.{name}"
with mock.patch(target("TIMEOUT"), 0):
    asyncio.run(main())
