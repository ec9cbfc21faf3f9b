# Not runtime-compared: asyncpg need not be installed. Without an
# environment the built-in table of well-known libraries answers for it.
import asyncio

import asyncpg


async def connect(dsn):
    # rewrite: the table lists `asyncpg.connect` as a coroutine function
    task = asyncio.ensure_future(asyncpg.connect(dsn))
    return await task


async def pool(dsn):
    # leave: `create_pool` returns an awaitable that is no coroutine
    task = asyncio.ensure_future(asyncpg.create_pool(dsn))
    return await task
