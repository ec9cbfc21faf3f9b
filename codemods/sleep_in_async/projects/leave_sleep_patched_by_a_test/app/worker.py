import asyncio, time
async def poll(n):
    for i in range(n):
        time.sleep(0.01)
        print("poll", i)
    await asyncio.sleep(0)
