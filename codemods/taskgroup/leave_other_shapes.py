# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch


async def ensure_future(urls):
    tasks = [asyncio.ensure_future(fetch(url)) for url in urls]  # leave: not create_task
    await asyncio.gather(*tasks)


async def loop_create_task(urls):
    loop = asyncio.get_running_loop()
    tasks = [loop.create_task(fetch(url)) for url in urls]  # leave: not asyncio.create_task
    await asyncio.gather(*tasks)


async def coroutines_not_tasks(urls):
    await asyncio.gather(*[fetch(url) for url in urls])  # leave: no tasks at all


async def list_display(a, b):
    tasks = [asyncio.create_task(fetch(a)), asyncio.create_task(fetch(b))]  # leave
    await asyncio.gather(*tasks)


async def busy_loop(urls):
    tasks = []
    for url in urls:
        print("queueing", url)  # leave: the loop does more than append
        tasks.append(asyncio.create_task(fetch(url)))
    await asyncio.gather(*tasks)


async def extra_arguments(urls, extra):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    await asyncio.gather(*tasks, extra)  # leave: more than the tasks


async def rebound(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    await asyncio.gather(*tasks)  # leave: `tasks` is bound twice in the function
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    await asyncio.gather(*tasks)


async def other_block(urls, ready):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    if ready:
        await asyncio.gather(*tasks)  # leave: created in another block


async def single_task(url):
    task = asyncio.create_task(fetch(url))
    return await task  # leave: one task is not a fan-out


async def async_comprehension(stream):
    tasks = [asyncio.create_task(fetch(url)) async for url in stream]  # leave
    await asyncio.gather(*tasks)
