import asyncio

import contextlib
from app.conn import Conn
async def job():
    with contextlib.closing(Conn()):
        await asyncio.sleep(0.5)
    return "partial"
