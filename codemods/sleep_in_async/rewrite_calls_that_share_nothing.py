# Calls around the sleep that share no state with other tasks: builtins,
# the standard library, a class of the module, functions of the module
# that use only their arguments and constants, and a call alone as a
# statement before the sleep (its value cannot go stale). Rewritten.
import asyncio
import json
import time
from math import floor

SCALE = 2
log = []


def double(n):
    return n * SCALE


class Box:
    def __init__(self, v):
        self.v = v


def note(v):
    log.append(v)


async def work(x):
    n = double(floor(x))
    time.sleep(0.01)
    print(json.dumps(double(n)), len(str(n)), Box(n).v)


async def tick(v):
    note(v)
    time.sleep(0.01)
    note(v + 1)


async def main():
    await asyncio.gather(work(1.5), work(2.5))
    await asyncio.gather(tick(1), tick(10))
    print(sorted(log))


asyncio.run(main())
