# asyncmod-runtime: compare
# leave: a thread of multiprocessing.dummy.Pool uses the loop after the run;
# `asyncio.run` would close it (and leave none current) first
import asyncio
from app.bg import start
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(start())
    import time
    time.sleep(0.3)
