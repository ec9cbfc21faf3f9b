import asyncio


async def run():
    loop = asyncio.get_event_loop()
    return loop is asyncio.get_running_loop()
