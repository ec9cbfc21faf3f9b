# A module that patches `asyncio.run` (a test) means its stand-in.
# Reported without a fix.
import asyncio
from unittest import mock


async def load():
    return "fresh"


async def refresh():
    return asyncio.run(load())  # leave, reported: the module patches it


def test_refresh():
    with mock.patch("asyncio.run", return_value="mocked"):
        print(asyncio.get_event_loop_policy().new_event_loop().run_until_complete(refresh()))


test_refresh()
