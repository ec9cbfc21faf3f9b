import asyncio

_orig = asyncio.sleep
async def traced(d, *a, **k):
    print("traced sleep", d)
    return await _orig(d, *a, **k)
asyncio.sleep, asyncio.__version_note__ = traced, 'compat'
