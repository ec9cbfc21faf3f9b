# asyncmod-test: --unsafe-fixes
import trio

from app.api import fetch_feed, fetch_user


async def page(user_id):
    user = await fetch_user(user_id)  # leave: asyncio.gather does not run under trio
    feed = await fetch_feed(user_id)
    await trio.sleep(0)
    return user, feed
