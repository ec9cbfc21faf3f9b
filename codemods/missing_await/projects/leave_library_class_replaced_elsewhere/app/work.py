import asyncio


async def handle():
    q = asyncio.Queue()
    q.put(1)  # leave: app/compat.py replaces `asyncio.Queue`
    print(q.qsize())
