import asyncio
async def slow():
    await asyncio.sleep(1)
async def run():
    try:
        await asyncio.wait_for(slow(), 0.01)
    except asyncio.TimeoutError as e:
        return "handled " + type(e).__name__
