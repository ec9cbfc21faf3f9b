import time


async def work():
    time.sleep(0.01)  # left: `main.py` steps this coroutine with no loop
    return "ok"
