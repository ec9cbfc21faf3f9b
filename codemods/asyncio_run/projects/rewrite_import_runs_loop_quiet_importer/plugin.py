import asyncio

READY = True


async def warmup():
    await asyncio.sleep(0)
    print("plugin warmed up")


loop = asyncio.new_event_loop()
loop.run_until_complete(warmup())
loop.close()
