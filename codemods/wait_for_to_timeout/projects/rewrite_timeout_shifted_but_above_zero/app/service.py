import asyncio
TIMEOUT = 8
TIMEOUT >>= 1

async def take(q):
    item = await asyncio.wait_for(q.get(), TIMEOUT)
    return item
