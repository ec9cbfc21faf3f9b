class Base:
    async def refresh(self):
        pass


class Cache(Base):
    def __init__(self, loader):
        self.load = loader

    async def load(self):
        pass

    async def warm(self, other):
        self.load()  # leave: `self.load` is set to an attribute in `__init__`
        self.refresh()  # leave: defined on the base class, not this one
        other.load()  # leave: not `self`

    @classmethod
    async def build(cls):
        cls.load()  # leave: a class method's first parameter is the class


class Twice:
    async def go(self):
        pass

    def go(self):
        pass

    async def run(self):
        self.go()  # leave: defined twice, the sync one wins
