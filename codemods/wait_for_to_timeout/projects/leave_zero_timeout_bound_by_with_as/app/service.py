import asyncio
import contextlib
with contextlib.nullcontext(0) as TIMEOUT:
    pass

async def take(q):
    item = await asyncio.wait_for(q.get(), TIMEOUT)
    return item
