import asyncio

import contextlib
from app.conn import Conn
async def job():
    async with contextlib.aclosing(Conn()):
        await asyncio.sleep(0.5)
    return "partial"
