# asyncmod-runtime: compare
import asyncio
import patch
from svc.store import Store


async def handle():
    s = Store()
    s.save(1)
    print('done')


asyncio.run(handle())
