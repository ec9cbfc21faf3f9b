import asyncio
from pkg.guard import Guard

async def work():
    async with Guard():
        await asyncio.sleep(1)
    return "work-done"
