# asyncmod-runtime: compare
import asyncio
import time


class Counter:
    def __init__(self):
        self.value = 0
        self.total = 0

    async def bump(self, n):
        time.sleep(0.001)  # rewrite: the writes read the state afresh
        self.value = self.value + 1
        self.total += n


async def main():
    c = Counter()
    await asyncio.gather(c.bump(1), c.bump(2), c.bump(3))
    print("value", c.value, "total", c.total)


asyncio.run(main())
