import asyncio
from app.guards import make_base
class Quiet(make_base()):
    pass
async def job():
    async with Quiet():
        await asyncio.sleep(0.5)
    return "partial"
