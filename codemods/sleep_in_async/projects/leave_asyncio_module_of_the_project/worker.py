import asyncio
import time


async def work():
    time.sleep(1)  # leave: `asyncio.sleep` would be the project's asyncio.py
    return asyncio.sleep(0)
