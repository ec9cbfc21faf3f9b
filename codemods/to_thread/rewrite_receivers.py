# asyncmod-test: --unsafe-fixes
import asyncio
import hashlib
from asyncio import AbstractEventLoop, get_event_loop
from typing import Optional


def digest(data):
    return hashlib.sha256(data).hexdigest()


class Store:
    def __init__(self, loop):
        self.loop = loop

    async def checksum(self, data):
        # leave, reported: `self.loop` may hold anything with the method
        return await self.loop.run_in_executor(None, digest, data)


async def chained(data):
    # rewrite: the getter call goes, and its import with it
    return await get_event_loop().run_in_executor(None, digest, data)


async def annotated(ev: AbstractEventLoop, data):
    return await ev.run_in_executor(None, digest, data)  # rewrite: annotated parameter


async def optional(data, loop: Optional[asyncio.AbstractEventLoop] = None):
    if loop is None:
        loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, digest, data)  # rewrite: the loop or the loop


async def by_name(data, *more):
    loop = asyncio.get_event_loop()  # goes: only the rewritten call read it
    result = await loop.run_in_executor(None, digest, data, *more)  # rewrite
    return result
