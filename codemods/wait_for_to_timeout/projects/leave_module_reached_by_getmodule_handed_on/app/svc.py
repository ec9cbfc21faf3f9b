import asyncio

TIMEOUT = 5

async def take(q):
    return await asyncio.wait_for(q.get(), TIMEOUT)

from app import caller
caller.caller_name()
