import asyncio
from app.errors import Stop
async def job():
    try:
        await asyncio.sleep(0.5)
    except Stop:
        print("job: kept cancellation")
    return "partial"
