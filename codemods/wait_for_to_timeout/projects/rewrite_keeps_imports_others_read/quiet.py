# Nothing else reads `wait_for` from here: the import goes.
import asyncio
from asyncio import wait_for


async def answer():
    await asyncio.sleep(0)
    return 7


async def fetch():
    return await wait_for(answer(), 1)
