import asyncio
from pkg.util import quiet

async def work():
    with quiet():
        await asyncio.sleep(1)
    return "work-done"
