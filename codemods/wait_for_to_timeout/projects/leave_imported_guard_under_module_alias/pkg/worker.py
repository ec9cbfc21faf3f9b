import asyncio
import pkg.guard as guard

async def work():
    async with guard.Guard():
        await asyncio.sleep(1)
    return "work-done"
