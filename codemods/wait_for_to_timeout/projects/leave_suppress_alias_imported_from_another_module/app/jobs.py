import asyncio

from app.util import quiet
async def job():
    with quiet(asyncio.CancelledError):
        await asyncio.sleep(0.5)
    return "partial"
