from asyncio import Lock, as_completed, shield, sleep
from asyncio.queues import LifoQueue as Stack
import asyncio.locks


async def tidy(loop, jobs):
    lock = Lock(loop=loop)  # rewrite
    stack = Stack(maxsize=10, loop=loop)  # rewrite: asyncio.queues.LifoQueue
    gate = asyncio.locks.BoundedSemaphore(2, loop=loop)  # rewrite
    for finished in as_completed(jobs, loop=loop):  # rewrite: in a coroutine
        await shield(finished, loop=loop)  # rewrite
    await sleep(0, loop=None)  # rewrite: `None` has no side effect
    return lock, stack, gate
