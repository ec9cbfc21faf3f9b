import asyncio
import time
from multiprocessing.dummy import Pool
def later(loop):
    time.sleep(0.1)
    try:
        loop.call_soon_threadsafe(print, "cb")
        print("thread: scheduled on loop")
    except RuntimeError as e:
        print("thread:", e)
async def start():
    p = Pool(1)
    p.apply_async(later, (asyncio.get_running_loop(),))
    print("started")
