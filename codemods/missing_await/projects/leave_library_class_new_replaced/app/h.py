import asyncio


async def handle():
    q = asyncio.Queue()
    q.put(1)  # leave: app/patcher.py replaces `asyncio.Queue.__new__`
    print(q.qsize())
