import asyncio
import functools
import time


async def offload(loop):
    await loop.run_in_executor(None, time.sleep, 1)  # leave: runs in the executor, as it should
    await asyncio.to_thread(time.sleep, 1)  # leave: same
    pause = functools.partial(time.sleep, 1)  # leave: not a call here
    return pause
