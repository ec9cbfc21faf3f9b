import asyncio
TIMEOUT = 5

async def take(q):
    item = await asyncio.wait_for(q.get(), TIMEOUT)
    return item
