import asyncio
from concurrent.futures import ThreadPoolExecutor


def square(n):
    return n * n


async def start():
    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(2)
    first = await loop.run_in_executor(pool, square, 3)
    second = await asyncio.get_running_loop().run_in_executor(pool, square, 4)
    pool.shutdown(wait=False)
    return f"{first + second}"
