import asyncio


async def work():
    await asyncio.sleep(0)
    return 21
