import asyncio


class Guard:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def _plain(self, *exc):
    print("guard: exit", exc[0].__name__ if exc[0] else None)
    return False


Guard.__aexit__ = _plain
setattr(Guard, "__aexit__", _plain)


async def job():
    async with Guard():
        await asyncio.sleep(0.5)
    return "partial"
