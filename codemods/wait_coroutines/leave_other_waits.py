import asyncio
import concurrent.futures

import trio


async def others(event, pool, job):
    await event.wait([job()])  # leave: not asyncio.wait
    await trio.wait([job()])  # leave
    concurrent.futures.wait([pool.submit(job)])  # leave


async def shadowed(asyncio, job):
    await asyncio.wait([job()])  # leave: `asyncio` is the parameter
