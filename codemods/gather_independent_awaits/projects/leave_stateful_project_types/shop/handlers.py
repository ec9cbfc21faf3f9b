import asyncio

from app import Conn, Database, open_pg
from app.db import Pg, Repo, Service, Unit, make_repo
from app.types import DB, MaybeConn


async def wrapped(database: Database, uid):
    # leave: a class of another module that holds a connection
    user = await load_user(database, uid)
    orders = await load_orders(database, uid)
    return user, orders


async def held(repo: Repo, uid):
    # leave: its instances hold the session their `__init__` is given
    user = await load_user(repo, uid)
    orders = await load_orders(repo, uid)
    return user, orders


async def annotated(unit: Unit, uid):
    # leave: an annotated attribute of the class
    user = await load_user(unit, uid)
    orders = await load_orders(unit, uid)
    return user, orders


async def derived(pg: Pg, uid):
    # leave: a subclass of a connection
    user = await load_user(pg, uid)
    orders = await load_orders(pg, uid)
    return user, orders


async def nested(service: Service, uid):
    # leave: holds a class that holds a session
    user = await load_user(service, uid)
    orders = await load_orders(service, uid)
    return user, orders


async def aliased(pg: Conn, uid):
    # leave: an alias of a connection, re-exported by the package
    user = await load_user(pg, uid)
    orders = await load_orders(pg, uid)
    return user, orders


async def type_alias(unit: DB, uid):
    # leave: `X: TypeAlias = "AsyncSession"`
    user = await load_user(unit, uid)
    orders = await load_orders(unit, uid)
    return user, orders


async def optional_alias(maybe: MaybeConn, uid):
    # leave: an alias of `Optional[Conn]`
    user = await load_user(maybe, uid)
    orders = await load_orders(maybe, uid)
    return user, orders


async def factory(dsn, uid):
    # leave: bound from a function whose return annotation is a connection
    pg = await open_pg(dsn)
    user = await load_user(pg, uid)
    orders = await load_orders(pg, uid)
    return user, orders


async def string_annotation(uid):
    # leave: `-> "Repo"`, a class that holds a session
    repo = make_repo()
    user = await load_user(repo, uid)
    orders = await load_orders(repo, uid)
    return user, orders


async def made_here(uid):
    # leave: an instance of the class made here
    repo = Repo(None)
    user = await load_user(repo, uid)
    orders = await load_orders(repo, uid)
    return user, orders


async def load_user(source, uid):
    return uid


async def load_orders(source, uid):
    return [uid]


class Pipe:
    """A class of this module that holds a stream writer."""

    def __init__(self, writer: asyncio.StreamWriter):
        self.writer = writer


async def local_class(pipe: Pipe, uid):
    # leave: a class of this very module
    user = await load_user(pipe, uid)
    orders = await load_orders(pipe, uid)
    return user, orders
