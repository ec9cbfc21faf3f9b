# asyncmod-runtime: compare
import asyncio
from unittest import mock as m
from app import service
_orig = asyncio.wait_for
async def traced(aw, timeout):
    print("traced wait_for", timeout)
    return await _orig(aw, timeout)
with m.patch("asyncio.wait_for", traced):
    print("result", asyncio.run(service.run()))
