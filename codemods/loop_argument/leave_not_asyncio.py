import asyncio

import trio

from app.compat import sleep
from app.pool import Queue


async def others(loop, asyncio_like):
    await sleep(1, loop=loop)  # leave: our own sleep takes a loop
    jobs = Queue(loop=loop)  # leave: not asyncio's Queue
    await trio.sleep(1, loop=loop)  # leave: trio
    await asyncio_like.sleep(1, loop=loop)  # leave: a parameter
    return jobs


async def shadowed(asyncio, loop):
    await asyncio.sleep(1, loop=loop)  # leave: `asyncio` is the parameter
