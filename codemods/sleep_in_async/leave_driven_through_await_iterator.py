# A coroutine stepped through its `__await__()` iterator (with `next`, or a
# `for` loop) or resumed with `throw` runs with no event loop:
# `asyncio.sleep` would raise RuntimeError there. Unsafe: left alone
# without --unsafe-fixes.
import time


async def job():
    time.sleep(0.01)  # leave: unsafe, no loop may be running
    print("slept")
    return 7


async def tick():
    time.sleep(0.01)  # leave: unsafe
    print("ticked")


def drive(coro):
    it = coro.__await__()
    try:
        while True:
            next(it)
    except StopIteration as e:
        return e.value


print(drive(job()))
for _ in tick().__await__():
    pass
print("end")
