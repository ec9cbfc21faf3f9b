import asyncio

from app import settings

TIMEOUT = 5


async def take(q):
    return await asyncio.wait_for(q.get(), TIMEOUT)


async def take_configured(q):
    return await asyncio.wait_for(q.get(), settings.TIMEOUT)
