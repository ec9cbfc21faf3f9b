# asyncmod-test: --unsafe-fixes
import asyncio

from app.api import fetch_feed, fetch_user, run_later

latest = None


async def closure_reads_target(user_id):
    user = await fetch_user(user_id)
    feed = await run_later(lambda: fetch_feed(user))  # leave: reads `user` (in a lambda)
    return feed


async def helper_reads_target(user_id):
    def describe():
        return f"{user} and friends"

    user = await fetch_user(user_id)  # leave: `describe` may run during the next call
    feed = await run_later(describe)
    return feed


async def global_target(user_id):
    global latest
    latest = await fetch_user(user_id)  # leave: other code sees `latest`
    feed = await fetch_feed(user_id)
    return feed


async def nonlocal_target(user_id):
    found = None

    async def load():
        nonlocal found
        found = await fetch_user(user_id)  # leave: `found` belongs to the outer function
        feed = await fetch_feed(user_id)
        return feed

    return await load(), found
