import asyncio
import threading
import time

def worker(post):
    time.sleep(0.1)
    try:
        post(print, "cb")
        print("thread: scheduled")
    except RuntimeError as e:
        print("thread:", e)
async def start():
    loop = asyncio.get_running_loop()
    threading.Thread(target=worker, args=(loop.call_soon_threadsafe,)).start()
    print("started")
