# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch, heartbeat


async def another_task_between(a, b):
    first = asyncio.create_task(fetch(a))
    beat = asyncio.create_task(heartbeat())  # leave, reported: the group would not own it
    second = asyncio.create_task(fetch(b))
    x = await first
    y = await second
    beat.cancel()
    return x, y


async def awaited_twice(a, b):
    first = asyncio.create_task(fetch(a))
    second = asyncio.create_task(fetch(b))
    x = await first  # leave: `first` twice ends the run of awaits
    y = await first
    return x, y


async def interleaved(a, b):
    first = asyncio.create_task(fetch(a))
    x = await first  # leave: the second task is created after the first wait
    second = asyncio.create_task(fetch(b))
    y = await second
    return x, y
