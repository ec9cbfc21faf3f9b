import asyncio


async def _tolerant_job():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "partial"


job = _tolerant_job
