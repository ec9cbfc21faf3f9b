import asyncio
import plug  # noqa
import redis.asyncio as aredis


async def handle():
    r = aredis.Redis()
    r.set('k', 1)
    print('done')


asyncio.run(handle())
