# Callees that keep state between their calls where no module-level
# variable shows it: running the calls side by side changed the values
# they computed (`[(0, 1), (1, 2), (2, 3)]` became `[(0, 3), (1, 2), (2, 1)]`).
# Each pair is a program that made the rewrite change what it does.
import asyncio
import itertools


async def mutable_default(uid, _calls=[]):
    await asyncio.sleep(0.01 * (3 - uid))
    _calls.append(uid)
    return (uid, len(_calls))


async def load_mutable_default(ids):
    # leave: the default list is one object for every call
    return [await mutable_default(uid) for uid in ids]


class Stats:
    n = 0


async def class_state(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    Stats.n += 1
    return (uid, Stats.n)


async def load_class_state(ids):
    # leave: a class attribute is module state
    return [await class_state(uid) for uid in ids]


async def own_attribute(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    own_attribute.calls += 1
    return (uid, own_attribute.calls)


own_attribute.calls = 0


async def load_own_attribute(ids):
    # leave: the function's own attribute is module state
    return [await own_attribute(uid) for uid in ids]


counter = 0


async def by_name(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    g = globals()
    g["counter"] += 1
    return (uid, g["counter"])


async def load_by_name(ids):
    # leave: `globals()` reaches every variable by a string
    return [await by_name(uid) for uid in ids]


def next_id(_c=itertools.count(1)):
    return next(_c)


async def helper_default(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    return (uid, next_id())


async def load_helper_default(ids):
    # leave: a helper's default counter is shared by every call
    return [await helper_default(uid) for uid in ids]


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


async def default_object(uid, counter=Counter()):
    await asyncio.sleep(0.01 * (3 - uid))
    return (uid, counter.bump())


async def load_default_object(ids):
    # leave: the default object's method changes it
    return [await default_object(uid) for uid in ids]


async def producer(q):
    await asyncio.sleep(0)
    q.append(99)


async def double(uid):
    await asyncio.sleep(0)
    return uid * 2


async def load_growing_list():
    # leave: a task fills the list while the loop awaits; `gather` would
    # read it whole first (`[2, 4, 198]` became `[2, 4]`)
    q = [1, 2]
    t = asyncio.ensure_future(producer(q))
    users = [await double(x) for x in q]
    await t
    return users


async def agen():
    for i in range(3):
        yield i


async def load_async_comprehension():
    # leave: an `async for` comprehension (said so, not "parentheses")
    return [await double(x) async for x in agen()]
