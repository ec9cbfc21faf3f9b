import asyncio
from app.util import Holder
async def job(holder=Holder()):
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print("closed:", holder.conn.closed)
        raise
    return "partial"
