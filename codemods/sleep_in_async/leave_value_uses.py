import time


async def values(callback):
    result = time.sleep(1)  # leave, reported: used as a value
    await callback(time.sleep(1))  # leave, reported: an argument
    handler = lambda: time.sleep(1)  # leave, reported: in a lambda
    naps = [time.sleep(i) for i in range(3)]  # leave, reported: in a comprehension
    any(time.sleep(i) for i in range(3))  # leave, reported: in a generator expression
    return time.sleep(0)  # leave, reported: returned
