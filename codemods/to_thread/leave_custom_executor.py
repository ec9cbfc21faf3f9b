# asyncmod-test: --unsafe-fixes
import asyncio
from concurrent.futures import ProcessPoolExecutor

POOL = ProcessPoolExecutor()


async def crunch(numbers):
    loop = asyncio.get_running_loop()
    # leave: a process pool is not what `to_thread` uses
    return await loop.run_in_executor(POOL, sum, numbers)


async def crunch_with(pool, numbers):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, sum, numbers)  # leave
