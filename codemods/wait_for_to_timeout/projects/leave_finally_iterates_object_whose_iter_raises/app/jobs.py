import asyncio

from app.conn import Pending
async def job():
    p = Pending()
    try:
        await asyncio.sleep(0.5)
    finally:
        for item in p:
            print("job: flushing", item)
    return "partial"
