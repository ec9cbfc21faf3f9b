import asyncio
from app.conn import Tx
@Tx()
async def job():
    await asyncio.sleep(0.5)
    return 'partial'
