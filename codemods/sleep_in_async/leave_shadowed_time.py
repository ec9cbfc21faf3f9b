import time


async def with_param(time):
    time.sleep(1)  # leave: `time` is the parameter, not the module


async def with_local(clock):
    time = clock
    time.sleep(1)  # leave: `time` is a local variable


async def with_loop(clocks):
    for time in clocks:
        time.sleep(1)  # leave: loop variable
