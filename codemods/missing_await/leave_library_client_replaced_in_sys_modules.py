# The module replaces the client through `sys.modules` and `setattr`.
import sys

import redis
import redis.asyncio
from redis.asyncio import Redis

sys.modules["redis.asyncio"].Redis = redis.Redis
setattr(sys.modules[__name__], "Redis", redis.Redis)


async def store(key, value):
    r = redis.asyncio.Redis()
    r.set(key, value)  # leave: replaced through `sys.modules`
    s = Redis()
    s.set(key, value)  # leave: the module's own `Redis` is rebound
