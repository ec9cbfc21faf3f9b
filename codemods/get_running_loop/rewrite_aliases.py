import asyncio as aio
from asyncio import get_event_loop


async def now():
    return aio.get_event_loop().time()  # rewrite: keeps the `aio` spelling


async def schedule(callback):
    loop = get_event_loop()  # rewrite: `from asyncio import get_event_loop` goes
    loop.call_soon(callback)
