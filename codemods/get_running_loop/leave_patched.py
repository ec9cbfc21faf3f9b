# A module that patches `asyncio.get_event_loop` (a test) means its stand-in:
# after the rewrite the coroutine would call the real `get_running_loop`,
# and the test below would see no call. Reported without a fix.
import asyncio
from unittest import mock


async def schedule(callback):
    loop = asyncio.get_event_loop()  # leave, reported: the module patches it
    loop.call_soon(callback)


def test_schedule_uses_the_loop():
    fake = mock.Mock()
    with mock.patch("asyncio.get_event_loop", return_value=fake):
        asyncio.run(schedule(print))
    print(fake.call_soon.call_count)


test_schedule_uses_the_loop()
