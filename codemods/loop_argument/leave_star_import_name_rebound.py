"""A star import of asyncio, then names the module binds again."""
from asyncio import *


async def main(loop):
    await sleep(0.01, loop=loop)  # leave: `sleep` is the module's own below
    queue = Queue(loop=loop)  # leave: the second star import may rebind `Queue`
    return queue


async def sleep(delay, loop=None):
    return delay


from compat import *
