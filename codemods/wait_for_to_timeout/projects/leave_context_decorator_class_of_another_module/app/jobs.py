import asyncio
from app.conn import Conn
@Conn()
async def job():
    await asyncio.sleep(0.5)
    return 'partial'
