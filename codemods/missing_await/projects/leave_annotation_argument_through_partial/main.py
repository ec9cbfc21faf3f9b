# asyncmod-runtime: compare
import asyncio
import functools
from svc.store import Store, Sync


async def handle(s: Store):
    s.save(1)
    print('done')

asyncio.run(functools.partial(handle, Sync())())
