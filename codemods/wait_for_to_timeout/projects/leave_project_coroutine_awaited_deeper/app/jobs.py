import asyncio


async def job():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "partial"
