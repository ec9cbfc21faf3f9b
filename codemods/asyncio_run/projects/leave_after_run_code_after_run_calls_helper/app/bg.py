import asyncio


async def start():
    await asyncio.sleep(0)
    print("started")
