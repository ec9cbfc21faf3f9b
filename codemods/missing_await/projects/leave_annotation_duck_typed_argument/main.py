# asyncmod-runtime: compare
import asyncio
from svc.store import Store


class FakeStore:
    def save(self, x):
        print('fake sync', x)


async def handle(s: Store):
    s.save(1)
    print('done')

asyncio.run(handle(FakeStore()))
