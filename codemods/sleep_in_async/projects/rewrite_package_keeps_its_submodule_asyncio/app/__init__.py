import time


async def tick():
    time.sleep(0.01)
    return "tick"
