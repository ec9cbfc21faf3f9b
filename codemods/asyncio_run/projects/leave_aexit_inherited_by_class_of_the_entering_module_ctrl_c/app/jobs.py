import asyncio
from app.guards import Guard
class Quiet(Guard):
    pass
async def job():
    async with Quiet():
        await asyncio.sleep(0.5)
    return "partial"
