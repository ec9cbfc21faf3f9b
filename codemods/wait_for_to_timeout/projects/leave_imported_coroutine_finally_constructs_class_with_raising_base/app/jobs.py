import asyncio
from app.base import Checked
class Cleanup(Checked):
    pass
async def job():
    try:
        await asyncio.sleep(0.5)
    finally:
        Cleanup()
    return "partial"
