# `main` takes `wait_for` from here: the import stays after the fix.
import asyncio
from asyncio import wait_for


async def answer():
    await asyncio.sleep(0)
    return 42


async def fetch():
    return await wait_for(answer(), 1)
