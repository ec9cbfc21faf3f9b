import asyncio
from unittest import mock
from app import service
_orig = asyncio.wait_for
async def traced(aw, timeout):
    print("traced wait_for", timeout)
    return await _orig(aw, timeout)
from tests.conftest import traced_wait_for
def test_run():
    gen = traced_wait_for.__wrapped__() if hasattr(traced_wait_for, "__wrapped__") else traced_wait_for()
    next(gen)
    print("result", asyncio.run(service.run()))
