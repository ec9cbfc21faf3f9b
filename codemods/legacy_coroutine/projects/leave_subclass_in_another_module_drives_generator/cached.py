from base import Base


class Cached(Base):
    # A plain generator driving `Base.load` with `yield from`: a native
    # coroutine there raises `TypeError`.
    def load(self):
        r = yield from super().load()
        return "cached+" + r
