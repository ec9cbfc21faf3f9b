# asyncmod-test: --unsafe-fixes
import asyncio

from app.api import fetch_feed, fetch_user


def sync_loader(user_id):
    user = fetch_user(user_id)  # leave: no awaits in a sync function
    feed = fetch_feed(user_id)
    return user, feed


async def outer(user_id):
    def inner():
        user = fetch_user(user_id)  # leave: a sync def nested in a coroutine
        feed = fetch_feed(user_id)
        return user, feed

    class Cache:
        user = fetch_user(1)  # leave: class body
        feed = fetch_feed(1)

    return inner, Cache


async def one_per_block(user_id, flag):
    user = await fetch_user(user_id)  # leave: the next one is in another block
    if flag:
        feed = await fetch_feed(user_id)
        return user, feed
    return user


async def attribute_target(self, user_id):
    self.user = await fetch_user(user_id)  # leave: targets must be names
    self.feed = await fetch_feed(user_id)
