# asyncmod-runtime: compare
# Shared state (a module's list, deque and counter, the `random` module's
# generator) changed on one side of the sleep only, and not used on the
# other: another task running during the sleep changes nothing this
# coroutine finds or leaves. Rewritten.
import asyncio
import collections
import itertools
import random
import time

POOL = ["conn-a", "conn-b", "conn-c"]
LOG = []
IDS = itertools.count()
Q = collections.deque()
random.seed(7)


async def checkout(i):
    conn = POOL.pop()
    POOL.append(conn)
    time.sleep(0.01)
    print(i, "used", conn)


async def record(i):
    time.sleep(0.01)
    LOG.append(i)
    Q.append((next(IDS), random.randint(0, 99)))


async def main():
    await asyncio.gather(checkout(0), checkout(1), checkout(2))
    await asyncio.gather(record(0), record(1), record(2))
    print(sorted(POOL), LOG, list(Q))


asyncio.run(main())
