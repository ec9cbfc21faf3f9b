import asyncio

from app import settings
async def take(q):
    return await asyncio.wait_for(q.get(), settings.TIMEOUT)
