# asyncmod-test: --unsafe-fixes
import asyncio

from sqlalchemy import select

from app.models import Order, User


async def with_session(session, user_id):
    user = await session.execute(select(User).where(User.id == user_id))
    orders = await session.execute(select(Order))  # leave: one AsyncSession, one operation at a time
    return user, orders


class Store:
    def __init__(self, conn, api):
        self.conn = conn
        self.db = api

    async def load(self, key):
        row = await self.conn.fetch("select 1", key)
        count = await self.conn.execute("select 2")  # leave: the same connection
        return row, count

    async def repositories(self, key):
        user = await self.db.users.get(key)
        order = await self.db.orders.get(key)  # leave: both go through `self.db`
        return user, order

    async def methods(self, key):
        a = await self.first(key)
        b = await self.second(key)  # leave: the receiver is `self` in both
        return a, b

    async def first(self, key):
        return key

    async def second(self, key):
        return key
