# asyncmod-runtime: compare
import asyncio
from unittest import mock
from app import service
_orig = asyncio.wait_for
async def traced(aw, timeout):
    print("traced wait_for", timeout)
    return await _orig(aw, timeout)
NAME = "wait_for"
old = getattr(asyncio, NAME)
setattr(asyncio, NAME, traced)
print("result", asyncio.run(service.run()))
setattr(asyncio, NAME, old)
