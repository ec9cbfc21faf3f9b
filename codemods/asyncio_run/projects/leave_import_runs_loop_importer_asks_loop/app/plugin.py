import asyncio


async def warmup():
    await asyncio.sleep(0)
    print("plugin warmed up")


loop = asyncio.get_event_loop()
loop.run_until_complete(warmup())
