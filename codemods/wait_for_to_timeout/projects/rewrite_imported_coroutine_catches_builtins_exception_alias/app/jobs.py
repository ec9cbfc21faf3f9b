import asyncio
from app.errors import Failure
async def job():
    try:
        await asyncio.sleep(0.5)
    except Failure:
        print("job: failed")
    return "partial"
