# asyncmod-runtime: compare
import asyncio
import patch  # noqa
from svc.store import Store


async def handle():
    s = Store()
    s.save(1)
    print('done')


asyncio.run(handle())
