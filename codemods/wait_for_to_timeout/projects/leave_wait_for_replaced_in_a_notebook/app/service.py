import asyncio
async def job():
    await asyncio.sleep(0)
    return 42
async def run():
    r = await asyncio.wait_for(job(), 1)
    return r
