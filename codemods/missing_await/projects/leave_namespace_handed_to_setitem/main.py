# asyncmod-runtime: compare
import asyncio
import patch
from svc import store


async def handle():
    store.save(1)
    print('done')


asyncio.run(handle())
