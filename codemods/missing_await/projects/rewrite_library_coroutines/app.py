import aiofiles.os
import asyncpg
from aiofiles import os as aos
from aiofiles.os import path as apath


async def cleanup(p):
    # rewrite: a coroutine function of aiofiles.os
    aiofiles.os.remove(p)
    # rewrite: through an alias
    aos.makedirs(p, exist_ok=True)
    # rewrite: aiofiles.os.path
    apath.exists(p)


async def store(dsn, record):
    conn = await asyncpg.connect(dsn)
    # rewrite: `conn` holds what `asyncpg.connect` gives
    conn.execute("insert into t values ($1)", record)
    conn.close()


async def pooled(dsn, record):
    pool = await asyncpg.create_pool(dsn)
    # rewrite: a pool's coroutine method
    pool.execute("insert into t values ($1)", record)


async def custom(dsn, record, cls, **options):
    # leave: `connection_class=` may give a subclass the table does not know
    conn = await asyncpg.connect(dsn, connection_class=cls)
    conn.execute("insert into t values ($1)", record)
    other = await asyncpg.connect(dsn, **options)
    # leave: `**options` may pass `connection_class=`
    other.execute("insert into t values ($1)", record)


async def unknown(p):
    # leave: not in the table
    aiofiles.os.chown(p, 0, 0)
