import asyncio

_orig = asyncio.wait_for
async def traced(aw, timeout):
    print("traced wait_for", timeout)
    return await _orig(aw, timeout)
globals()["asyncio"].wait_for = traced
