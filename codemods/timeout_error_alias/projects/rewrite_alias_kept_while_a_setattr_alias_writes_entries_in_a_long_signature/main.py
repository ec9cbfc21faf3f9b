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
    def __init__(self):
        self.data = {}

    def get(self, key):
        entry = self.data[key]
        return entry

    def update(
        self,
        entry: Entry,
        *,
        title: str | None = None,
        TIMEOUT: float | None = None,
    ) -> bool:
        """Update an entry, as Home Assistant's config entries do."""
        _setter = object.__setattr__
        for attr, value in (("title", title), ("TIMEOUT", TIMEOUT)):
            if value is not None:
                _setter(entry, attr, value)
        return True


def poke():
    entry = Entry("first", 0)
    entries = Entries()
    entries.data["first"] = entry
    entries.update(entries.get("first"), title="second", TIMEOUT=0)
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
