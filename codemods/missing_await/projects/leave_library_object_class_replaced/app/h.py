import asyncio

from app.patcher import adapt


async def handle():
    q = asyncio.Queue()
    adapt(q)
    q.put(1)  # leave: app/patcher.py replaces `__class__` of objects
    print(q.qsize())
