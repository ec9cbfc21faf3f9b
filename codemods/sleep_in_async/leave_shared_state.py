# Shared state read before the sleep and written after it: with a
# suspension point in between, another task can change it there, and one
# update is lost. Also state written before the sleep and read after it:
# another task can write it in between. Unsafe.
import asyncio
import time

TOTAL = 0
CACHE = {}
LOADS = []


class Counter:
    def __init__(self):
        self.count = 0
        self.items = []
        self.total = 0
        self.state = "idle"

    async def bump(self):
        seen = self.count
        time.sleep(0.01)  # leave: `self.count` read before, written after
        self.count = seen + 1

    async def report(self):
        self.state = "busy"
        time.sleep(0.01)  # leave: written before, read after
        return self.state

    async def finish(self):
        self.state = "done"

    async def put(self, item):
        if len(self.items) < 1:
            time.sleep(0.01)  # leave: `self.items` checked before, appended after
            self.items.append(item)

    async def run(self, rounds):
        seen = self.total
        for _ in range(rounds):
            self.total = seen + 1
            seen = self.total
            time.sleep(0.005)  # leave: read here, written in the next iteration


async def add(amount):
    global TOTAL
    current = TOTAL
    time.sleep(0.01)  # leave: a global read before, rebound after
    TOTAL = current + amount


def make_hits():
    hits = 0

    async def hit():
        nonlocal hits
        seen = hits
        time.sleep(0.01)  # leave: a nonlocal read before, rebound after
        hits = seen + 1

    return hit, lambda: hits


async def load(key):
    if key not in CACHE:
        time.sleep(0.01)  # leave: checked before, filled after
        LOADS.append(key)
        CACHE[key] = key.upper()
    return CACHE[key]


async def main():
    counter = Counter()
    await asyncio.gather(counter.bump(), counter.bump())
    print(await asyncio.gather(counter.report(), counter.finish()))
    await asyncio.gather(counter.put(1), counter.put(2))
    await asyncio.gather(counter.run(3), counter.run(3))
    await asyncio.gather(add(1), add(2))
    hit, hits = make_hits()
    await asyncio.gather(hit(), hit(), hit())
    await asyncio.gather(load("a"), load("a"))
    print(counter.count, counter.items, counter.total, TOTAL, hits(), LOADS)


asyncio.run(main())
