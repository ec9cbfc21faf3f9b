# asyncmod-runtime: compare
import asyncio
from svc.store import save

def sync(x):
    print('sync', x)


sync.__globals__['save'] = sync


async def handle():
    save(1)
    print('done')


asyncio.run(handle())
