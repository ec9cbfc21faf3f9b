import asyncio
from app.quiet import ignoring
async def job():
    with ignoring(asyncio.CancelledError):
        await asyncio.sleep(0.5)
    return "partial"
