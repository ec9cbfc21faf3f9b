import time

async def backoff(n):
    for i in range(n):
        time.sleep(5)
    return n
