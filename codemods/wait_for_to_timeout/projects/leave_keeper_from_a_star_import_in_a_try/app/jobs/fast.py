import asyncio
async def job():
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print("job: cancelled, keeping it")
        return "partial"
    return "job done"
