import asyncio
from .guards import _guard
quiet = _guard
async def job():
    with quiet():
        await asyncio.sleep(0.5)
    return "partial"
