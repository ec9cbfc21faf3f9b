import asyncio

async def work():
    loop = asyncio.get_event_loop()
    return loop.time() >= 0
