import asyncio

from app.api import fetch_feed, fetch_user


async def page(user_id):
    user = await fetch_user(user_id)  # leave: reported, but unsafe fixes are off
    feed = await fetch_feed(user_id)
    return user, feed
