# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch

tasks = [asyncio.create_task(fetch(url)) for url in ["a", "b"]]  # leave: module level


def sync_runner(loop, urls):
    tasks = [loop.create_task(fetch(url)) for url in urls]
    return loop.run_until_complete(asyncio.gather(*tasks))  # leave: not awaited


async def outer(urls):
    def inner(loop):
        tasks = [asyncio.create_task(fetch(url)) for url in urls]
        return asyncio.gather(*tasks)  # leave: a sync def nested in a coroutine

    return await inner(None)


async def shadowed(asyncio, urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]  # leave: `asyncio` is a parameter
    await asyncio.gather(*tasks)
