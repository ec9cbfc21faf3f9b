import time


async def backoff(delay):
    time.sleep(delay)
