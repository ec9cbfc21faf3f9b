import asyncio
import time

async def helper():
    return 1

async def run():
    loop = asyncio.get_event_loop()
    fut = asyncio.ensure_future(helper())
    time.sleep(0.01)
    return loop is asyncio.get_running_loop(), await fut
