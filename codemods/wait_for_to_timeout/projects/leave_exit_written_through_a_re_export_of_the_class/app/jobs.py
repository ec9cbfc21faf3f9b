import asyncio
from app.conn import Conn
async def job():
    async with Conn():
        await asyncio.sleep(0.5)
    return "partial"
