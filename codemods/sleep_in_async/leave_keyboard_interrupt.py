# Ctrl-C during `time.sleep` raises KeyboardInterrupt in the coroutine,
# where this handler cleans up; during `asyncio.sleep` it is raised in the
# event loop instead (or, under `asyncio.run` from 3.11, turned into a
# cancellation of the main task), and the handler never runs. Unsafe.
import asyncio
import os
import signal
import threading
import time


async def main():
    threading.Timer(0.05, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    try:
        time.sleep(2)  # leave: `except KeyboardInterrupt`
        print("slept")
    except KeyboardInterrupt:
        print("interrupted, cleaning up")


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt escaped")
finally:
    loop.close()
