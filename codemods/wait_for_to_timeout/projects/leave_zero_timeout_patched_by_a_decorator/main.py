# asyncmod-runtime: compare
import asyncio
from app import service

async def scenario():
    q = asyncio.Queue()
    q.put_nowait("item")
    r = await service.take(q)
    print(r, "| left in queue:", q.qsize())
from unittest.mock import patch
@patch('app.service.TIMEOUT', 0)
def test_timeout():
    asyncio.run(scenario())
test_timeout()
