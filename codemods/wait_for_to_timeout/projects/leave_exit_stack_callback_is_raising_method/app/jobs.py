import asyncio

import contextlib
from app.conn import Conn
async def job():
    c = Conn()
    with contextlib.ExitStack() as stack:
        stack.callback(c.close)
        await asyncio.sleep(0.5)
    return "partial"
