import asyncio


async def job():
    # rewrite: only attributes of other objects are named `asyncio`
    loop = asyncio.get_event_loop()
    print(type(loop).__name__)
