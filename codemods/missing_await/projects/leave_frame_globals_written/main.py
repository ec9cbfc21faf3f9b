# asyncmod-runtime: compare
import asyncio
import sys
from svc.store import save

def sync(x):
    print('sync', x)


sys._getframe().f_globals['save'] = sync


async def handle():
    save(1)
    print('done')


asyncio.run(handle())
