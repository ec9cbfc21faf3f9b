import asyncio, sys, importlib
SEEN = []
_orig = asyncio.wait_for

async def traced(aw, timeout):
    SEEN.append(timeout)
    return await _orig(aw, timeout)

def instrument(m):
    m.wait_for = traced

instrument(sys.modules["asyncio"])
