import asyncio


async def fire(job):
    asyncio.create_task(job())  # leave, reported: the fix is unsafe
