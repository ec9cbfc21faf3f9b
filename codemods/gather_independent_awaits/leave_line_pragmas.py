# asyncmod-test: --unsafe-fixes
"""Comments after the code of an awaiting statement that a tool reads as
covering its line: where the gathered statement cannot keep one on a line
covering the same code, nothing is gathered."""
import asyncio


async def fetch_user(uid):
    await asyncio.sleep(0.01)
    return {"id": uid}


async def fetch_feed(uid):
    await asyncio.sleep(0.01)
    return [uid]



async def load_12(uid):
    # The ignore covered the annotation, which would become a declaration.
    user: UserRecord = await fetch_user(uid)  # type: ignore[name-defined]
    feed: list = await fetch_feed(uid)
    return user, feed


async def load_13(uid):
    # The same with a `noqa` for a string annotation.
    user: "UserRecord" = await fetch_user(uid)  # noqa: F821
    feed: list = await fetch_feed(uid)
    return user, feed


async def load_14(uid):
    # On the last statement, two tools at once.
    user = await fetch_user(uid)
    feed: "FeedList" = await fetch_feed(uid)  # type: ignore[name-defined]  # noqa: F821
    return user, feed


async def load_15(uid):
    # pyright, on the last statement.
    user: dict = await fetch_user(uid)
    feed: "FeedList" = await fetch_feed(uid)  # pyright: ignore[reportUndefinedVariable]
    return user, feed


async def load_18(uid):
    # The gathered call would be split: the comment would follow its `)`.
    user = await fetch_user(uid)
    feed = await fetch_feed(uid)  # pyright: ignore[reportArgumentType]
    return user, feed


async def load_19(uid):
    # The same with a reason after the code.
    user = await fetch_user(uid)
    feed = await fetch_feed(uid)  # noqa: ASYNC110 -- polling is intentional here, see ADR-17
    return user, feed


async def load_between(uid):
    # A tool's comment on a line of its own applies from there on: above
    # the gathered statement it would cover the first call too.
    user = await fetch_user(uid)
    # pylint: disable=unused-variable
    feed = await fetch_feed(uid)
    return user, feed
