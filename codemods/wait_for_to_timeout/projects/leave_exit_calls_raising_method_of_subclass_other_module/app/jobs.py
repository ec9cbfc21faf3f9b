import asyncio

from app.guards import Tx
async def job():
    with Tx():
        await asyncio.sleep(0.5)
    return "partial"
