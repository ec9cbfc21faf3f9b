import asyncio

from app.settings import TIMEOUT
async def take(q):
    return await asyncio.wait_for(q.get(), TIMEOUT)
