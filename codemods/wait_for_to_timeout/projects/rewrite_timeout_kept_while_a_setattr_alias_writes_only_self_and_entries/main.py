# asyncmod-runtime: compare
import asyncio
from app import service


class Entry:
    """Frozen after its init, as a config entry is."""

    def __init__(self, title, TIMEOUT):
        _setter = object.__setattr__
        _setter(self, "title", title)
        _setter(self, "TIMEOUT", TIMEOUT)
        _setter(self, "lock", asyncio.Lock())
        _setter(
            self, "service", service.__name__
        )

    def __setattr__(self, key, value):
        raise AttributeError(key)


class Entries:
    def update(self, entry, title=None, TIMEOUT=None):
        _setter = object.__setattr__
        for attr, value in (("title", title), ("TIMEOUT", TIMEOUT)):
            if value is not None:
                _setter(entry, attr, value)


def poke():
    entry = Entry("first", 0)
    Entries().update(entry, title="second", TIMEOUT=0)
    print(entry.title, entry.TIMEOUT, entry.service)

async def main():
    q = asyncio.Queue()
    q.put_nowait("job")
    poke()
    try:
        print("took", await service.take(q))
    except TimeoutError:
        print("timeout; queued:", q.qsize())
asyncio.run(main())
