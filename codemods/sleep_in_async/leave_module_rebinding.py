import time

from app.clock import FakeClock

time = FakeClock()  # the module name is rebound: `time.sleep` is not the stdlib's


async def tick():
    time.sleep(1)  # leave
