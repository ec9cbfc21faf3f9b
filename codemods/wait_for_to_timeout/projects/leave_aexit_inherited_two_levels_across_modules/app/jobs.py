import asyncio
from app.mid import Mid
class Quiet(Mid):
    pass
async def job():
    async with Quiet():
        await asyncio.sleep(0.5)
    return "partial"
