import asyncio
from app import guards
class Quiet(guards.Guard):
    pass
async def job():
    async with Quiet():
        await asyncio.sleep(0.5)
    return "partial"
