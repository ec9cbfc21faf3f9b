import asyncio

TIMEOUT = 5

async def take(q):
    return await asyncio.wait_for(q.get(), TIMEOUT)
