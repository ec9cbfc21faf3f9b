# asyncmod-test: --unsafe-fixes
# Callees that change state of a class through a class method's `cls`, a
# static method naming its class, or a new instance's class attribute:
# running the calls side by side changed the values they computed
# (`[(0, 1), (1, 2), (2, 3)]` became `[(0, 3), (1, 2), (2, 1)]`).
import asyncio


class Stats:
    n = 0

    @classmethod
    def bump(cls):
        cls.n += 1
        return cls.n


async def fetch_user(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    return (uid, Stats.bump())


async def load_users(ids):
    # leave: `cls.n += 1` changes the class every call shares
    return [await fetch_user(uid) for uid in ids]


class Counter:
    n = 0

    @staticmethod
    def bump():
        Counter.n += 1
        return Counter.n


async def fetch_count(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    return (uid, Counter.bump())


async def load_counts(ids):
    # leave: a static method stores into its class by name
    return [await fetch_count(uid) for uid in ids]


class Cache:
    seen = {}

    @classmethod
    def put(cls, key):
        cls.seen[key] = len(cls.seen)
        return cls.seen[key]


async def fetch_cached(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    return (uid, Cache.put(uid))


async def load_cached(ids):
    # leave: a dict of the class, written through `cls`
    return [await fetch_cached(uid) for uid in ids]


class Tally:
    n = 0

    @classmethod
    def bump(cls):
        setattr(cls, "n", cls.n + 1)
        return cls.n


async def fetch_tally(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    return (uid, Tally.bump())


async def load_tallies(ids):
    # leave: `setattr(cls, …)` writes the class
    return [await fetch_tally(uid) for uid in ids]


class Worker:
    done = []

    async def work(self, i):
        await asyncio.sleep(0.01 * (3 - i))
        self.done.append(i)
        return len(self.done)


async def work(i):
    return await Worker().work(i)


async def load_work(ids):
    # leave: every new `Worker` appends to the one list of the class
    return [await work(i) for i in ids]


async def main():
    print(await load_users([0, 1, 2]))
    print(await load_counts([0, 1, 2]))
    print(await load_cached([0, 1, 2]))
    print(await load_tallies([0, 1, 2]))
    print(await load_work([0, 1, 2]))


asyncio.run(main())
