# asyncmod-runtime: compare
import asyncio
import functools
from app import svc
from app.svc import Inbox

poll = functools.partial(svc.take, timeout=0)


async def main():
    box = Inbox()
    box.q.put_nowait("item")
    try:
        r = await box.receive(timeout=0)
        print("receive got", r, "left", box.q.qsize())
    except TimeoutError:
        print("receive timeout; left", box.q.qsize())
    q = asyncio.Queue()
    q.put_nowait("item")
    try:
        r = await poll(q)
        print("poll got", r, "left", q.qsize())
    except TimeoutError:
        print("poll timeout; left", q.qsize())
    q.put_nowait("item")
    q.put_nowait("item")
    try:
        r = await svc.take_for(q, 0)
        print("take_for got", r, "left", q.qsize())
    except TimeoutError:
        print("take_for timeout; left", q.qsize())


asyncio.run(main())
