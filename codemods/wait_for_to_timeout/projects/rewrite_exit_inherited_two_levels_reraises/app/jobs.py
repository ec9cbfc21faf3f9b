import asyncio
from app import mid
class Quiet(mid.Mid):
    pass
async def job():
    with Quiet():
        await asyncio.sleep(0.5)
    return "partial"
