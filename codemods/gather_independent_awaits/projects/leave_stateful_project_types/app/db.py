import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession

from .types import Conn


class Database:
    """Wraps one connection."""

    async def start(self, dsn):
        self.conn = await asyncpg.connect(dsn)


class Repo:
    def __init__(self, session: AsyncSession):
        self.session = session


class Unit:
    session: AsyncSession


class Pg(asyncpg.Connection):
    pass


class Service:
    def __init__(self):
        self.repo = Repo(None)


async def open_pg(dsn) -> Conn:
    return await asyncpg.connect(dsn)


def make_repo() -> "Repo":
    return Repo(None)
