# asyncmod-runtime: compare
import asyncio
import inspect
from svc.store import save

def sync(x):
    print('sync', x)


inspect.currentframe().f_globals.update(save=sync)


async def handle():
    save(1)
    print('done')


asyncio.run(handle())
