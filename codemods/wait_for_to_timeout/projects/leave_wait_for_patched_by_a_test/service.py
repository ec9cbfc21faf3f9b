import asyncio


async def backend():
    await asyncio.sleep(0.05)
    return "backend answer"


async def fetch():
    try:
        return await asyncio.wait_for(backend(), 10)
    except TimeoutError:
        return "fallback"
