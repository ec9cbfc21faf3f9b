import asyncio
import sys
_orig = asyncio.wait_for
async def traced(aw, timeout):
    print("traced wait_for", timeout)
    return await _orig(aw, timeout)
def traced_wait_for():
    aio = sys.modules["asyncio"]
    old = aio.wait_for
    aio.wait_for = traced
    yield
    aio.wait_for = old
