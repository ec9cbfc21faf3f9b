import asyncio
import concurrent.futures
import time
def later(loop):
    time.sleep(0.1)
    try:
        loop.call_soon_threadsafe(print, "callback scheduled")
        print("thread: scheduled on loop")
    except RuntimeError as e:
        print("thread:", e)
async def start():
    loop = asyncio.get_running_loop()
    ex = concurrent.futures.ThreadPoolExecutor(1)
    ex.submit(later, loop)
    ex.shutdown(wait=False)
    print("started")
