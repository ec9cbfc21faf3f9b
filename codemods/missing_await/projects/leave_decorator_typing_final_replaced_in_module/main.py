# asyncmod-runtime: compare
import asyncio
from svc.store import save


async def handle():
    save(1)
    print('done')


asyncio.run(handle())
