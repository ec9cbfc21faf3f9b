# The session's arguments read a value of another module (an imported
# dict), and the loop, or its iterable, runs code that changes it: the
# session made once before the loop copied the headers before the change
# (the second request no longer sent `user: ann`). Each function is a
# program that made the rewrite change what it does.
import asyncio

import aiohttp
import cfg
from cfg import HEADERS, set_user


async def written_through_its_module(users):
    # leave: the body stores into the imported dict
    for u in users:
        async with aiohttp.ClientSession(headers=HEADERS) as s:
            cfg.HEADERS["user"] = u
            async with s.get("http://a/") as r:
                print(await r.text())


async def written_by_a_function_of_its_module(users):
    # leave: the body calls a function that changes it
    pages = []
    for u in users:
        async with aiohttp.ClientSession(headers=HEADERS) as session:
            set_user(u)
            async with session.get("http://api/") as response:
                pages.append(await response.text())
    return pages


def users():
    set_user("root")
    return ["ann"]


async def written_by_the_iterable():
    # leave: the iterable changes it, and used to run before the session
    for u in users():
        async with aiohttp.ClientSession(headers=HEADERS) as s:
            async with s.get("http://a/" + u) as r:
                print(await r.text())


async def read_through_the_module():
    # leave: the same value, read as an attribute of its module
    for u in users():
        async with aiohttp.ClientSession(headers=cfg.HEADERS) as s:
            await s.get("http://a/" + u)


if __name__ == "__main__":
    asyncio.run(written_through_its_module(["ann", "bob"]))
