import asyncio

async def helper():
    return 1

async def run():
    r = await asyncio.wait_for(helper(), 5)
    return r
