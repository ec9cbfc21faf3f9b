# A local bound to another object's state (`d = self.d`, `items =
# self.items`) is an alias: reading it before the sleep and changing it after
# is a lost update once other tasks run during the sleep. Unsafe: left
# alone without --unsafe-fixes.
import asyncio
import time


class Acc:
    def __init__(self):
        self.d = {"n": 0}
        self.items = []

    async def bump(self):
        d = self.d
        n = d["n"]
        time.sleep(0.01)  # leave: unsafe, `d` is `self.d`
        d["n"] = n + 1

    async def add(self):
        items = self.items
        n = len(items)
        time.sleep(0.01)  # leave: unsafe, `items` is `self.items`
        items.append(n)


async def main():
    a = Acc()
    await asyncio.gather(a.bump(), a.bump(), a.bump())
    await asyncio.gather(a.add(), a.add(), a.add())
    print(a.d, a.items)


asyncio.run(main())
