import asyncio
import logging
import logging.handlers
import queue
import time
async def drain():
    print("drained on loop")
async def start():
    loop = asyncio.get_running_loop()
    class H(logging.Handler):
        def emit(self, record):
            time.sleep(0.1)
            try:
                loop.call_soon_threadsafe(print, "cb")
                print("listener: scheduled on loop")
            except RuntimeError as e:
                print("listener:", e)
    q = queue.Queue()
    lst = logging.handlers.QueueListener(q, H())
    lst.start()
    log = logging.getLogger("x")
    log.addHandler(logging.handlers.QueueHandler(q))
    log.warning("hi")
    print("started")
