import asyncio
from .guard import Guard
async def job():
    with Guard():
        await asyncio.sleep(0.5)
    return "partial"
