import asyncio
from contextlib import AsyncExitStack

from util import swallow


async def handle():
    async with AsyncExitStack() as stack:
        stack.push_async_exit(swallow)
        await asyncio.sleep(1)
    return "stopped"
