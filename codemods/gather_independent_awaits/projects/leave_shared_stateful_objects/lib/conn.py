import asyncio


class Link:
    """Simulates a connection: one operation at a time."""

    writer: asyncio.StreamWriter

    def __init__(self):
        self.busy = False

    async def query(self, q):
        if self.busy:
            raise RuntimeError("another operation is in progress")
        self.busy = True
        await asyncio.sleep(0)
        self.busy = False
        return q

    async def clone(self) -> "Link":
        return self

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None


class BaseRepo:
    async def query(self, q):
        return q


class SqlRepo(BaseRepo):
    def __init__(self):
        self.link = Link()

    async def query(self, q):
        return await self.link.query(q)


async def get_user(x, i):
    return await x.query(f"user {i}")


async def get_orders(x, i):
    return await x.query(f"orders {i}")
