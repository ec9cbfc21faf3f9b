"""Written for Python 3.6 with a star import of asyncio: the names it binds
are asyncio's own, whose `loop` argument went in 3.10."""
from asyncio import *


async def main(loop):
    await sleep(0.01, loop=loop)
    queue = Queue(loop=loop)
    lock = Lock(loop=loop)
    async with lock:
        await queue.put(1)
    return await wait_for(queue.get(), 1, loop=loop)
