import asyncio
import time
from threading import Thread as T
def later(loop):
    time.sleep(0.1)
    try:
        loop.call_soon_threadsafe(print, "cb")
        print("thread: scheduled on loop")
    except RuntimeError as e:
        print("thread:", e)
async def start():
    T(target=later, args=(asyncio.get_running_loop(),)).start()
    print("started")
