# asyncmod-runtime: compare
import asyncio
from app import svc
from app.svc import Inbox


async def main():
    box = Inbox()
    box.q.put_nowait("item")
    print("receive got", await box.receive(timeout=2.5), "left", box.q.qsize())
    box.q.put_nowait("item")
    print("receive got", await box.receive(), "left", box.q.qsize())
    q = asyncio.Queue()
    q.put_nowait("item")
    q.put_nowait("item")
    print("take got", await svc.take(q, 1), "left", q.qsize())
    print("take_for got", await svc.take_for(q, 0.5), "left", q.qsize())
    # Other objects' methods of the same names, given no number.
    print({"a": 1}.get("a"), "-".join(["x", "y"]))


asyncio.run(main())
