# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
"""A comment after a statement's code, from any tool, ends the gathered line,
which holds the code it followed; one on a line of its own moves above."""
import asyncio


async def user(i):
    await asyncio.sleep(0.01)
    return {"id": i}


async def feed(i):
    await asyncio.sleep(0.01)
    return [i]


async def load_nosec(i):
    u = await user(i)  # nosec B311
    v = await feed(i)
    return u, v


async def load_pytype(i):
    u = await user(i)  # pytype: disable=wrong-arg-types
    v = await feed(i)
    return u, v


async def fetch_user(uid):
    await asyncio.sleep(0.01)
    return {"id": uid}


async def fetch_feed(uid):
    await asyncio.sleep(0.01)
    return [uid]


async def load_long_line(uid):
    user = await fetch_user(uid)  # pytype: disable=wrong-arg-types
    feed = await fetch_feed(uid)
    return user, feed


async def load_pyre(i):
    # the feed may be empty
    u = await user(i)
    v = await feed(i)  # pyre-fixme[16]
    return u, v


async def load_unknown_tool(i):
    u = await user(i)  # NOSONAR
    v = await feed(i)  # fmt: skip
    return u, v


async def main():
    for load in (load_nosec, load_pytype, load_long_line, load_pyre, load_unknown_tool):
        print(load.__name__, await load(1))


asyncio.run(main())
