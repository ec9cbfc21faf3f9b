import asyncio
from unittest import mock
from app import service
_orig = asyncio.wait_for
async def traced(aw, timeout):
    print("traced wait_for", timeout)
    return await _orig(aw, timeout)
from unittest.mock import patch as p
def test_run():
    with p("asyncio.wait_for", new=traced):
        print("result", asyncio.run(service.run()))
