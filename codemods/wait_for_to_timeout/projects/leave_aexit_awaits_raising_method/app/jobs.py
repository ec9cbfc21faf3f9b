import asyncio

from app.guards import Session
async def job():
    async with Session():
        await asyncio.sleep(0.5)
    return "partial"
