import asyncio


async def job():
    await asyncio.sleep(0)
    return 42
