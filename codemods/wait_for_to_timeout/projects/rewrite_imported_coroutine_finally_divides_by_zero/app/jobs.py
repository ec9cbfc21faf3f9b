import asyncio
from app.util import cleanup
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        cleanup()
    return "partial"
