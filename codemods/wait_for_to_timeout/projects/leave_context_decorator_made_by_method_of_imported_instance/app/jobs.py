import asyncio
from app.conn import db
@db.transaction()
async def job():
    await asyncio.sleep(0.5)
    return 'partial'
