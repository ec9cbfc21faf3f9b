# asyncmod-runtime: compare
import asyncio

from svc.proto import Store


class MemoryStore:
    def save(self, x):
        print('memory sync save', x)


async def handle(s: Store):
    s.save(1)
    print('done')


asyncio.run(handle(MemoryStore()))
