import time


async def odd(args, delay):
    time.sleep(*args)  # leave, reported: unpacked arguments
    time.sleep(secs=delay)  # leave, reported: keyword argument (a TypeError anyway)
    time.sleep()  # leave, reported: no argument
