# asyncmod-test: --unsafe-fixes
import asyncio
import hashlib
from asyncio import AbstractEventLoop, get_event_loop


def digest(data):
    return hashlib.sha256(data).hexdigest()


class Store:
    def __init__(self, loop):
        self.loop = loop

    async def checksum(self, data):
        return await self.loop.run_in_executor(None, digest, data)  # rewrite: `self.loop`


async def chained(data):
    # rewrite: the getter call goes, and its import with it
    return await get_event_loop().run_in_executor(None, digest, data)


async def annotated(ev: AbstractEventLoop, data):
    return await ev.run_in_executor(None, digest, data)  # rewrite: annotated parameter


async def by_name(data, *more):
    loop = asyncio.get_event_loop()
    result = await loop.run_in_executor(None, digest, data, *more)  # rewrite
    return result
