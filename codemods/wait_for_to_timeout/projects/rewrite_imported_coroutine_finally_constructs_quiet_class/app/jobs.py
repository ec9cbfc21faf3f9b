import asyncio
from app.util import Cleanup, Report
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        Cleanup()
        Report("done")
    return "partial"
