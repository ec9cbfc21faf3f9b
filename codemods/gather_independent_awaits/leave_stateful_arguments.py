# asyncmod-test: --unsafe-fixes
import asyncio
from typing import Optional

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession

from app.queries import get_orders, get_user, log_visit


async def by_name(db, user_id):
    user = await get_user(db, user_id)
    orders = await get_orders(db, user_id)  # leave: `db` is stateful by name
    return user, orders


async def by_annotation(pg: asyncpg.Connection, user_id):
    user = await get_user(pg, user_id)
    orders = await get_orders(pg, user_id)  # leave: annotated as a connection
    return user, orders


async def by_variable_annotation(factory, user_id):
    s: Optional[AsyncSession] = factory()
    user = await get_user(s, user_id)
    orders = await get_orders(using=s)  # leave: annotated as a session
    return user, orders


async def through_an_attribute(ctx, user_id):
    user = await get_user(ctx.session, user_id)
    orders = await get_orders(ctx.session, user_id)  # leave: `ctx.session` ends in a stateful name
    return user, orders


async def receiver_and_argument(session, user_id):
    user = await session.get(user_id)
    visit = await log_visit(session, user_id)  # leave: `session` is used by both
    return user, visit



async def session_word(db_session, user_id):
    user = await get_user(db_session, user_id)
    orders = await get_orders(db_session, user_id)  # leave: `db_session` has the word `session`
    return user, orders


async def conn_word(pg_conn, user_id):
    visit = await log_visit(pg_conn, user_id)
    again = await log_visit(pg_conn, user_id)  # leave: `pg_conn` has the word `conn`
    return visit, again


async def short_words(sock, user_id):
    user = await get_user(sock, user_id)
    orders = await get_orders(sock, user_id)  # leave: `sock`
    return user, orders


async def session_abbreviated(sess, user_id):
    visit = await log_visit(sess, user_id)
    orders = await get_orders(sess, user_id)  # leave: `sess`
    return visit, orders
