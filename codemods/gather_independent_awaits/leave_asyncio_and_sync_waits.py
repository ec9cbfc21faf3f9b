# asyncmod-test: --unsafe-fixes
import asyncio
from asyncio import shield, wait_for

from app.jobs import produce


async def waits(lock, event, queue, condition):
    got = await lock.acquire()  # leave: waits on synchronisation objects order things
    fired = await event.wait()
    done = await queue.join()
    ready = await condition.wait_for(lambda: True)
    return got, fired, done, ready


async def asyncio_functions(job):
    paused = await asyncio.sleep(0.1, "paused")  # leave: asyncio's own functions
    result = await wait_for(produce(job), 5)
    safe = await shield(produce(job))
    both = await asyncio.gather(produce(job), produce(job))
    return paused, result, safe, both


async def process(proc, other):
    code = await proc.wait()  # leave
    other_code = await other.wait()
    return code, other_code
