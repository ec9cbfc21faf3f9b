import asyncio
from app.conn import Conn
async def job():
    c = Conn()
    try:
        await asyncio.sleep(0.5)
    finally:
        c.close()
    return 'partial'
