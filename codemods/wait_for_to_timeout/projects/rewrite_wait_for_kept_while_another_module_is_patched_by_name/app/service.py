import asyncio

from app import backend


async def run():
    return await asyncio.wait_for(backend.job(), 1)
