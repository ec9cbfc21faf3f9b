import asyncio

from app.conn import Session
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        async with Session():
            pass
    return "partial"
