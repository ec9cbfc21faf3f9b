# A module that patches `asyncio.sleep` (a test that skips the waits) would
# have its stand-in called where the code meant the real blocking sleep:
# the test counted no call before the fix and one after. Reported. Runs as
# it is (python3 FILE).
import asyncio
import time
from unittest import mock


async def step():
    time.sleep(0.01)  # leave, reported: the module patches `asyncio.sleep`
    return "stepped"


def test_step():
    with mock.patch("asyncio.sleep") as fake:
        print(asyncio.run(step()), fake.call_count)


test_step()
