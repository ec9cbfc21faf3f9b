# asyncmod-test: --unsafe-fixes
import asyncio

from app.base import BaseBot, BaseStore


class Bot(BaseBot):
    async def connect(self):
        # leave: `super().connect()` opens the connection `self.load()` uses
        session = await super().connect()
        state = await self.load()
        return session, state

    async def restart(self):
        # leave: `type(self)` is `self`'s class; its pool is `self`'s too
        pool = await type(self).create_pool()
        me = await self.get_me()
        return pool, me


class Store(BaseStore):
    async def counts(self):
        pg = self.pg
        # leave: `pg` is `self.pg`, one asyncpg connection
        users = await pg.fetchval("SELECT count(*) FROM users")
        orders = await self.pg.fetchval("SELECT count(*) FROM orders")
        return users, orders

    async def rows(self):
        async with self.pool.acquire() as conn:
            cur = await conn.cursor()
            # leave: the cursor belongs to `conn`
            first = await cur.fetchone()
            total = await conn.fetchval("SELECT count(*) FROM t")
            return first, total
