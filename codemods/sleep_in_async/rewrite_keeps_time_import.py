import asyncio
import time


async def timed(job):
    started = time.monotonic()
    time.sleep(0.01)  # rewrite; `time` stays imported: monotonic still uses it
    await job()
    return time.monotonic() - started
