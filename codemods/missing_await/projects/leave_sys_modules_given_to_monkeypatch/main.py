import asyncio
import plug  # noqa
from svc import store


async def handle():
    store.save(1)
    print('done')


asyncio.run(handle())
