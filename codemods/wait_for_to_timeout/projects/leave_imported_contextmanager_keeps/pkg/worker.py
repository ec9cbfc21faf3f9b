import asyncio
from pkg.cm import quiet

async def work():
    with quiet():
        await asyncio.sleep(1)
    return "work-done"
