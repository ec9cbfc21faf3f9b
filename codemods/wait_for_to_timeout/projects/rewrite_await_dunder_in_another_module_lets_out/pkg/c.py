import asyncio

async def h():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("h swallowed")
        raise
    return "h-done"
