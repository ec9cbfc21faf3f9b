import asyncio
import time
from threading import Timer as After

def later(loop):
    pass
    try:
        loop.call_soon_threadsafe(print, "cb")
        print("thread: scheduled on loop")
    except RuntimeError as e:
        print("thread:", e)

async def start():
    After(0.1, later, (asyncio.get_running_loop(),)).start()
    print("started")
