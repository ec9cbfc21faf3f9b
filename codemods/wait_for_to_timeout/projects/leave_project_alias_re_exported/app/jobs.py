import asyncio


async def _tolerant():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "partial"

job = _tolerant
