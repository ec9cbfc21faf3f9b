# asyncmod-runtime: compare
# rewrite (safe): the work started in the default executor is awaited before
# the coroutine returns, and app/svc.py's coroutine hands `signal` and
# `atexit` module-level functions, which hold nothing of the run
import asyncio
import os
import signal
import threading

from app import svc

STOP = threading.Event()


def poll():
    STOP.wait(0.01)
    print("polled")


async def main():
    await asyncio.get_running_loop().run_in_executor(None, poll)
    await svc.work()


if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(main())
    STOP.set()
    os.kill(os.getpid(), signal.SIGUSR1)
    print("after run")
