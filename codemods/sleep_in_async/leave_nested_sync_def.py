import asyncio
import time


async def outer(loop):
    def in_thread():
        time.sleep(1)  # leave: runs in a thread; `asyncio.sleep` here would never run

    class Worker:
        def run(self):
            time.sleep(1)  # leave: method of a class nested in the coroutine

    await loop.run_in_executor(None, in_thread)
    await asyncio.sleep(0)
