import asyncio
from .guards import Quiet
async def job():
    with Quiet():
        await asyncio.sleep(0.5)
    return "partial"
