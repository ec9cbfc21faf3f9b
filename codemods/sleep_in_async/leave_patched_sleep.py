# A module that replaces or patches `time.sleep` (a test, most often) means
# its stand-in: the call may not be the blocking sleep at all. Reported.
import asyncio
import time
from unittest import mock


async def backoff():
    time.sleep(2)  # leave, reported: the module patches `time.sleep`
    return "retried"


def test_backoff_sleeps():
    with mock.patch("time.sleep") as sleep:
        print(asyncio.run(backoff()), sleep.call_count)


test_backoff_sleeps()
