# A module that patches `time.monotonic` (a test freezing the clock) also
# freezes the event loop's clock, which reads it: `asyncio.sleep` would
# never wake up where `time.sleep` returned (the program hung), or a
# deadline around it would expire at once (it timed out). Reported. Runs as
# it is (python3 FILE).
import asyncio
import time
from unittest import mock

_real_monotonic = time.monotonic


async def poll():
    time.sleep(0.01)  # leave, reported: the module patches `time.monotonic`
    return "polled"


async def tick():
    time.sleep(0.01)  # leave, reported: the module patches `time.monotonic`
    return "ticked"


class FrozenClock:
    def __enter__(self):
        now = _real_monotonic()
        time.monotonic = lambda: now

    def __exit__(self, *exc):
        time.monotonic = _real_monotonic


def test_poll_with_frozen_clock():
    with mock.patch("time.monotonic", return_value=1000.0):
        print(asyncio.run(asyncio.wait_for(poll(), 5)))


def test_tick_with_frozen_clock():
    with FrozenClock():
        print(asyncio.run(tick()))


test_poll_with_frozen_clock()
test_tick_with_frozen_clock()
