import asyncio
import time
from concurrent.futures import ThreadPoolExecutor as Pool

def later(loop):
    time.sleep(0.1)
    try:
        loop.call_soon_threadsafe(print, "cb")
        print("thread: scheduled on loop")
    except RuntimeError as e:
        print("thread:", e)

async def start():
    ex = Pool(1)
    ex.submit(later, asyncio.get_running_loop())
    ex.shutdown(wait=False)
    print("started")
