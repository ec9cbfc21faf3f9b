# asyncmod-test: --unsafe-fixes
import asyncio

from app.api import fetch_orders, fetch_profile, fetch_user, fetch_wallet


async def through_attribute(user_id):
    user = await fetch_user(user_id)
    orders = await fetch_orders(user.id)  # leave: reads `user`
    return orders


async def through_subscript(user_id):
    rows = await fetch_user(user_id)
    profile = await fetch_profile(rows[0]["profile"])  # leave: reads `rows`
    return profile


async def through_keyword(user_id):
    user = await fetch_user(user_id)
    wallet = await fetch_wallet(owner=user)  # leave: reads `user`
    return wallet


async def through_the_callee(make_client):
    client = await make_client()
    data = await client.download("/report")  # leave: the receiver is `client`
    return data


async def through_a_comprehension(ids):
    users = await fetch_user(ids)
    names = await fetch_profile([u.name for u in users])  # leave: reads `users`
    return names


async def through_a_walrus(user_id):
    first = await fetch_user(key := user_id + 1)
    second = await fetch_profile(key)  # leave: reads `key`, bound by the walrus above
    return first, second
