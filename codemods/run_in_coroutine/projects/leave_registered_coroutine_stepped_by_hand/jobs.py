import asyncio
from registry import handler

async def inner():
    asyncio.get_running_loop()
    return 5

@handler
async def job():
    return asyncio.run(inner())
