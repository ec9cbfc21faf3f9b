import asyncio
from .guards import guard
async def job():
    with guard():
        await asyncio.sleep(0.5)
    return "partial"
