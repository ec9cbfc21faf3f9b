import asyncio
TIMEOUT = 5
async def take(q):
    try:
        r = await asyncio.wait_for(q.get(), TIMEOUT)
        return "got " + r
    except TimeoutError:
        return "timed out"
