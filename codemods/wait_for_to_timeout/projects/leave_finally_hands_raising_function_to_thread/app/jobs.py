import asyncio

from app.conn import flush
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        await asyncio.to_thread(flush)
    return "partial"
