# asyncmod-runtime: compare
# A copy the coroutine made itself (`dict(self.d)`, `list(...)`, a literal)
# is its own: no other task sees it, so the sleep may become an await.
import asyncio
import collections
import time


class Acc:
    def __init__(self):
        self.d = {"n": 0}
        self.items = [1, 2]

    async def snapshot(self):
        d = dict(self.d)
        n = d["n"]
        time.sleep(0.01)  # rewrite
        d["n"] = n + 1
        return d

    async def extended(self):
        items = list(self.items)
        q = collections.deque(items)
        n = len(q)
        time.sleep(0.01)  # rewrite
        q.append(n)
        items.append(n)
        return items, list(q)


async def main():
    a = Acc()
    print(await asyncio.gather(a.snapshot(), a.snapshot()))
    print(await asyncio.gather(a.extended(), a.extended()))
    print(a.d, a.items)


asyncio.run(main())
