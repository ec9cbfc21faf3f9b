import asyncio
from app import conn
async def job():
    async with conn.session():
        await asyncio.sleep(0.5)
    return 'partial'
