# asyncmod-test: --unsafe-fixes
import asyncio

from app import fetch_user, fetch_feed, count


async def annotated_attribute(self, uid):
    self.user: object = await fetch_user(uid)  # leave: not a variable of the function
    feed = await fetch_feed(uid)
    return feed


async def annotation_over_lines(uid):
    user: dict[  # leave: the annotation spans lines
        str, int
    ] = await fetch_user(uid)
    feed = await fetch_feed(uid)
    return user, feed


async def annotation_reads_an_earlier_target(uid):
    user = await fetch_user(uid)
    feed: type(user) = await fetch_feed(uid)  # leave: reads `user`
    return feed


async def dependent_on_one_line(uid):
    user = await fetch_user(uid); feed = await fetch_feed(user)  # leave: reads `user`
    return feed


async def bound_twice_on_one_line(uid):
    n: int = await count(uid); n = await count(uid + 1)  # leave: `n` twice
    return n


async def bare_awaits_on_one_line(uid):
    await fetch_user(uid); await fetch_feed(uid)  # leave: awaited for their effects


async def noqa_on_the_line(uid):
    user: object = await fetch_user(uid); feed = await fetch_feed(uid)  # noqa: AM004
    return user, feed
