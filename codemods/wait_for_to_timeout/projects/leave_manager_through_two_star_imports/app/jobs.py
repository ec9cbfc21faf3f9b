import asyncio
from .mgrs import *
async def job():
    with Quiet():
        await asyncio.sleep(0.5)
    return "partial"
