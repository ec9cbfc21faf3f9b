# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch, heartbeat


async def cancelled(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    tasks[0].cancel()  # leave, reported: a TaskGroup would not cancel this way
    await asyncio.gather(*tasks)


async def appended(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    tasks.append(asyncio.create_task(heartbeat()))  # leave, reported
    await asyncio.gather(*tasks)


async def named(a, b):
    first = asyncio.create_task(fetch(a))
    second = asyncio.create_task(fetch(b))
    second.add_done_callback(print)  # leave, reported: used before the wait
    return await asyncio.gather(first, second)
