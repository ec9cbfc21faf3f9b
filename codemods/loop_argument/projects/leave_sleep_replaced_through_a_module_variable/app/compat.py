import asyncio, sys
_orig = asyncio.sleep
async def compat_sleep(delay, result=None, *, loop=None):
    print("compat sleep, loop given:", loop is not None)
    return await _orig(delay, result)
m = asyncio
m.sleep = compat_sleep
