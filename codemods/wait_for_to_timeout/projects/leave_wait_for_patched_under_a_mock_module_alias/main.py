# asyncmod-runtime: compare
import asyncio
import unittest.mock as um
from app import service
_orig = asyncio.wait_for
async def traced(aw, timeout):
    print("traced wait_for", timeout)
    return await _orig(aw, timeout)
patcher = um.patch("asyncio.wait_for", traced)
patcher.start()
print("result", asyncio.run(service.run()))
patcher.stop()
