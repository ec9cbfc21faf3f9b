# asyncmod-runtime: compare
# rewrite (safe): a signal handler of app/sig.py fires after the run, but it
# only sets a flag, and an `atexit` callback only prints it: no code of the
# project uses an event loop outside a coroutine
import asyncio
import os
import signal
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
    os.kill(os.getpid(), signal.SIGUSR1)
