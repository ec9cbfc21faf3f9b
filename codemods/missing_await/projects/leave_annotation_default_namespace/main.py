# asyncmod-runtime: compare
import asyncio
import types
from svc.store import Store


async def handle(s: Store = types.SimpleNamespace(save=print)):
    s.save(1)
    print('done')

asyncio.run(handle())
