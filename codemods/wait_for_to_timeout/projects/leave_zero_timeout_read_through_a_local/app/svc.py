import asyncio
from app import settings

TIMEOUT = 5
RETRY_BASE = 0.5
SCALE = 1.0


async def take(q):
    t = TIMEOUT
    return await asyncio.wait_for(q.get(), t)


async def take_either(q):
    t = (TIMEOUT if q is not None else 5)
    return await asyncio.wait_for(q.get(), t)


async def take_configured(q):
    t = settings.TIMEOUT
    return await asyncio.wait_for(q.get(), t)


async def take_retry(q, attempt=1):
    timeout = RETRY_BASE * attempt
    return await asyncio.wait_for(q.get(), timeout)


async def take_scaled(q):
    limit = SCALE * 5
    wait = limit
    return await asyncio.wait_for(q.get(), wait)
