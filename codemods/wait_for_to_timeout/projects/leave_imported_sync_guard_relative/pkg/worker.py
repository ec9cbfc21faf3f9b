import asyncio
from . import guard

async def work():
    with guard.Guard():
        await asyncio.sleep(1)
    return "work-done"
