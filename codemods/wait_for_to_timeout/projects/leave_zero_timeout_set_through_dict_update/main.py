# asyncmod-runtime: compare
import asyncio
from app import service

async def scenario():
    q = asyncio.Queue()
    q.put_nowait("item")
    r = await service.take(q)
    print(r, "| left in queue:", q.qsize())
service.__dict__.update(TIMEOUT=0)
asyncio.run(scenario())
