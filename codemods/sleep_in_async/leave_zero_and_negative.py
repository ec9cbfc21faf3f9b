# `time.sleep(0)` does not block, and `time.sleep(-1)` raises ValueError:
# `await asyncio.sleep(…)` would only add a suspension point (here changing
# the order of the output) or stop raising. Reported without a fix.
import asyncio
import time

out = []


async def first():
    out.append("first 1")
    time.sleep(0)  # leave, reported: does not block
    time.sleep(0.0)  # leave, reported: does not block
    time.sleep(False)  # leave, reported: does not block
    out.append("first 2")


async def second():
    out.append("second")


async def negative():
    try:
        time.sleep(-1)  # leave, reported: raises ValueError
    except ValueError:
        out.append("negative rejected")


async def main():
    await asyncio.gather(first(), second())
    await negative()
    print(out)


asyncio.run(main())
