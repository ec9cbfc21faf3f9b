# asyncmod-runtime: compare
# leave: a signal handler (a lambda of the coroutine) schedules on the loop when
# the script signals itself after the run; `asyncio.run` would close it first
import asyncio
import os
import signal
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
    os.kill(os.getpid(), signal.SIGUSR1)
