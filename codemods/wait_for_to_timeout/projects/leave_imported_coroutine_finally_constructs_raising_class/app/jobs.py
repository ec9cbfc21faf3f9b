import asyncio
from app.util import Cleanup
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        Cleanup()
    return "partial"
