# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def fetch_user(user_id):
    await asyncio.sleep(0.02)
    return {"id": user_id, "name": f"user-{user_id}"}


async def fetch_feed(user_id, limit):
    await asyncio.sleep(0.01)
    return [f"post-{user_id}-{n}" for n in range(limit)]


async def fetch_badges(user_id):
    return ["early", "helpful"]


async def page(user_id):
    user = await fetch_user(user_id)  # rewrite: three independent lookups
    feed = await fetch_feed(user_id, limit=3)
    badges = await fetch_badges(user_id)
    return user, feed, badges


print(asyncio.run(page(7)))
