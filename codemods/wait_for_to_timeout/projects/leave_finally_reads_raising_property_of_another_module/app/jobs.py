import asyncio
from app.util import conn
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        conn.closed
    return "partial"
