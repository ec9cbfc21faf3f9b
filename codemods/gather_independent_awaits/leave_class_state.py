# asyncmod-test: --unsafe-fixes
# Two instances of one class whose methods use an attribute of the class
# (bound in its body, or reached through `type(self)` or
# `self.__class__`): the calls share that object, and run side by side
# they changed what each saw (`[1] [1, 2]` became `[2, 1] [2]`).
import asyncio


class Node:
    log = []

    def __init__(self, n):
        self.n = n

    async def act(self):
        await asyncio.sleep(0.01 if self.n == 1 else 0)
        Node.log.append(self.n)
        return list(Node.log)

    async def run(self, x):
        await asyncio.sleep(0.01 if x == 1 else 0)
        self.log.append(x)
        return list(self.log)


class Base:
    shared = []


class Leaf(Base):
    count = 0

    async def run(self, x):
        await asyncio.sleep(0.01 if x == 1 else 0)
        self.shared.append(x)
        return list(self.shared)

    async def bump(self, x):
        await asyncio.sleep(0.01 if x == 1 else 0)
        type(self).count += 1
        return type(self).count

    async def note(self, x):
        await asyncio.sleep(0.01 if x == 1 else 0)
        self.__class__.shared.append(x)
        return len(self.__class__.shared)


class Totals:
    totals = {"n": 0}

    async def add(self, x):
        await asyncio.sleep(0.01 if x == 1 else 0)
        self.totals["n"] += x
        return self.totals["n"]


class Config:
    level = 1

    @classmethod
    async def raise_level(cls):
        await asyncio.sleep(0.01)
        cls.level += 1
        return cls.level


class Reader:
    async def read(self):
        return Config.level


async def main():
    a = Node(1)
    b = Node(2)
    # leave: both append to `Node.log`
    x = await a.act()
    y = await b.act()
    print(x, y)
    # leave: `self.log` is the class's list
    x = await a.run(1)
    y = await b.run(2)
    print(x, y)
    c = Leaf()
    d = Leaf()
    # leave: `self.shared` is the base class's list
    x = await c.run(1)
    y = await d.run(2)
    print(x, y)
    # leave: `type(self).count` is the class's
    x = await c.bump(1)
    y = await d.bump(2)
    print(x, y)
    # leave: `self.__class__.shared` is the base class's list
    x = await c.note(1)
    y = await d.note(2)
    print(x, y)
    e = Totals()
    f = Totals()
    # leave: `self.totals[...]` stores into the class's dict
    x = await e.add(1)
    y = await f.add(2)
    print(x, y)
    r = Reader()
    # leave: the class method writes what the other call reads
    x = await Config.raise_level()
    y = await r.read()
    print(x, y)


asyncio.run(main())
