import asyncio
SEEN = []
_orig = asyncio.wait_for

async def traced(aw, timeout):
    SEEN.append(timeout)
    return await _orig(aw, timeout)

MODS = {"asyncio": asyncio}
MODS["asyncio"].wait_for = traced
