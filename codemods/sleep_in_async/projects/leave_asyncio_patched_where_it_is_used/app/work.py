import asyncio
import time

async def backoff(n):
    for i in range(n):
        time.sleep(0.01)
    await asyncio.sleep(0)
    return n
