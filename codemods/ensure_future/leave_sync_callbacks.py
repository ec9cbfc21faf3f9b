import asyncio

from app import work

task = asyncio.ensure_future(work())  # leave: module level, no loop may run


def start():
    return asyncio.ensure_future(work())  # leave: a synchronous function


async def later(loop):
    def callback():
        asyncio.ensure_future(work())  # leave: a callback may run without a running loop

    loop.call_soon(lambda: asyncio.ensure_future(work()))  # leave: a lambda
    callback()
    return list(asyncio.ensure_future(work()) for _ in range(2))  # leave: generator expression
