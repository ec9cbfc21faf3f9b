import asyncio
async def keeper():
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print("lib: kept cancellation")
    return "partial"
