# The module makes the asyncio client the blocking one: `set` returns a
# value, and an added `await` would fail on it.
import redis
import redis.asyncio as aredis

aredis.Redis = redis.Redis


async def store(key, value):
    r = aredis.Redis()
    r.set(key, value)  # leave: `aredis.Redis` is replaced above
