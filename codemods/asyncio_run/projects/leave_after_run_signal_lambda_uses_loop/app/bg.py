import asyncio
import signal


def report(loop):
    try:
        loop.call_soon_threadsafe(print, "never printed")
        print("usr1: scheduled")
    except RuntimeError as e:
        print("usr1:", e)


async def start():
    running = asyncio.get_running_loop()
    signal.signal(signal.SIGUSR1, lambda signum, frame: report(running))
    print("started")
