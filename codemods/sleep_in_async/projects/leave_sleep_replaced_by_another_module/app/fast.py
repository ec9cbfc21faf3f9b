import asyncio
_orig = asyncio.sleep
async def instant(delay, result=None):
    print("instant sleep instead of", delay)
    return await _orig(0, result)
asyncio.sleep = instant
