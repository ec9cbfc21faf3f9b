# asyncmod-runtime: compare
import asyncio
from app import service

async def scenario():
    q = asyncio.Queue()
    q.put_nowait("item")
    r = await service.take(q)
    print(r, "| left in queue:", q.qsize())
from unittest import mock
from app import settings
with mock.patch.object(service, 'TIMEOUT', 0):
    asyncio.run(scenario())
