import asyncio
async def job():
    await asyncio.sleep(0.5)
    return "job done"

from .impl import *
