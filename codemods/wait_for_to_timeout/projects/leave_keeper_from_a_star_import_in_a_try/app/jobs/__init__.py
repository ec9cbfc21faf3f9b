import asyncio
async def job():
    await asyncio.sleep(0.5)
    return "job done"

try:
    from .fast import *
except ImportError:
    pass
