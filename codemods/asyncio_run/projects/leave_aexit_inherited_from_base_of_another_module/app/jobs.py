import asyncio
from .guard import Guard
async def job():
    async with Guard():
        await asyncio.sleep(0.5)
    return "partial"
