# asyncmod-test: --unsafe-fixes
"""The account page: three lookups, two of them independent."""
import asyncio

from app.api import fetch_feed, fetch_recommendations, fetch_user


async def account_page(user_id):
    user = await fetch_user(user_id)  # rewrite: independent of the next one
    feed = await fetch_feed(user_id, limit=20)
    picks = await fetch_recommendations(user.segment)  # leave: reads `user`
    return {"user": user, "feed": feed, "picks": picks}
