import asyncio
import time

import trio


async def ambiguous():
    time.sleep(1)  # leave, reported: asyncio or trio? the module uses both
    await asyncio.sleep(0)


async def other():
    await trio.sleep(0)
