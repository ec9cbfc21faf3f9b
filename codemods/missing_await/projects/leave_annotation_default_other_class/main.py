# asyncmod-runtime: compare
import asyncio
from svc.store import Store, Sync


async def handle(s: Store = Sync()):
    s.save(1)
    print('done')

asyncio.run(handle())
