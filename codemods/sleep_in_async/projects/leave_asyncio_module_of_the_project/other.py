import time


async def idle():
    time.sleep(1)  # leave: an added `import asyncio` would find asyncio.py
