import asyncio


async def work():
    loop = asyncio.events.get_event_loop()
    return loop is asyncio.get_running_loop()
