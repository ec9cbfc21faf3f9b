import asyncio
async def slow():
    await asyncio.sleep(1)
async def run():
    try:
        await asyncio.wait_for(slow(), 0)
    except asyncio.TimeoutError:
        return "timed out"
