# asyncmod-runtime: compare
import asyncio

from svc.store import MemoryStore, Store


async def handle(s: Store):
    assert isinstance(s, Store)
    s.save(1)
    print('done')


asyncio.run(handle(MemoryStore()))
