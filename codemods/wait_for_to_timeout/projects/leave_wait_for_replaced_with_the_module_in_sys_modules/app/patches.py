import sys, types
import asyncio as _real
shim = types.ModuleType("asyncio")
shim.__dict__.update(_real.__dict__)
_orig = _real.wait_for
async def traced(aw, timeout):
    print("traced wait_for", timeout)
    return await _orig(aw, timeout)
shim.wait_for = traced
sys.modules["asyncio"] = shim
