import asyncio
TIMEOUT = 5

async def take(q):
    try:
        item = await asyncio.wait_for(q.get(), TIMEOUT)
    except asyncio.TimeoutError:
        return None
    return item
