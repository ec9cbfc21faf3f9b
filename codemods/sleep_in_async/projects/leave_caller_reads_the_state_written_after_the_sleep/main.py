# asyncmod-runtime: compare
import asyncio
import time


class Counter:
    def __init__(self):
        self.value = 0

    async def store(self, new):
        # leave (safe): `new` was read by the caller from `self.value`;
        # a suspension here lets the other callers read the same old value
        time.sleep(0.01)
        self.value = new

    async def increment(self):
        await self.store(self.value + 1)


async def main():
    c = Counter()
    await asyncio.gather(c.increment(), c.increment(), c.increment())
    print("value", c.value)


asyncio.run(main())
