# asyncmod-test: --unsafe-fixes
import asyncio

from app.api import fetch_feed, fetch_user


async def page(user_id):
    user = await fetch_user(user_id)  # noqa: AM004
    feed = await fetch_feed(user_id)
    return user, feed


async def second_line(user_id):
    user = await fetch_user(user_id)
    feed = await fetch_feed(user_id)  # noqa
    return user, feed
