import asyncio
async def step():
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print("step: cancelled, keeping it")
