# A star import after the import may bind `aredis` to something else.
import redis.asyncio as aredis
from mylib import *  # noqa: F403


async def store(key, value):
    r = aredis.Redis()
    r.set(key, value)  # leave: `aredis` may come from `mylib`
