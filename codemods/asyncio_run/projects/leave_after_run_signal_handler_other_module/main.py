# asyncmod-runtime: compare
# leave: a signal handler of app/sig.py, fired after the run, runs the open loop;
# `asyncio.run` would close it (and leave none current) first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
    import os, signal
    os.kill(os.getpid(), signal.SIGUSR1)
