import asyncio
TIMEOUT = 5
TIMEOUT >>= 3

async def take(q):
    item = await asyncio.wait_for(q.get(), TIMEOUT)
    return item
