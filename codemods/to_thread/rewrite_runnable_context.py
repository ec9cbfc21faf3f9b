# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""The same work on the same default executor, once `loop` is known."""
import asyncio
import concurrent.futures
import functools
import threading
from typing import Optional


def work(n, label=""):
    return f"{label}{n * n} on {threading.current_thread().name.split('_')[0]}"


async def main(loop: Optional[asyncio.AbstractEventLoop] = None):
    if loop is None:
        loop = asyncio.get_running_loop()
    # rewrite: the default executor set on the loop runs `to_thread` too
    a = await loop.run_in_executor(None, work, 2)
    b = await loop.run_in_executor(None, functools.partial(work, 3, label="p"))  # rewrite
    return a, b


async def run():
    loop = asyncio.get_running_loop()
    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(thread_name_prefix="custom"))
    print(await main())
    print(await main(loop))


asyncio.run(run())
