# asyncmod-runtime: compare
import asyncio
import helpers  # noqa
from svc.store import save


async def handle():
    save(1)
    print('done')


asyncio.run(handle())
