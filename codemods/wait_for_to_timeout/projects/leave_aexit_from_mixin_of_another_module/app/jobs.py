import asyncio
from app.guards import KeepMixin
class Quiet(KeepMixin):
    async def __aenter__(self):
        return self
async def job():
    async with Quiet():
        await asyncio.sleep(0.5)
    return "partial"
