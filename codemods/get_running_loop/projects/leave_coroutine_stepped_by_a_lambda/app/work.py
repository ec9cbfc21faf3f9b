import asyncio

async def work():
    print("start")
    loop = asyncio.get_event_loop()
    print("end", type(loop).__name__)
    return 42
