# asyncmod-test: --unsafe-fixes
import asyncio

from app.db import connect
from app.http import fetch


async def list_of_tasks(a, b):
    tasks = [asyncio.create_task(fetch(a)), asyncio.create_task(fetch(b))]  # rewrite
    results = await asyncio.gather(*tasks)
    return results


async def list_of_tasks_unused(a, b):
    tasks = [asyncio.create_task(fetch(a)), asyncio.create_task(fetch(b))]  # rewrite
    await asyncio.gather(*tasks)


async def inline_comprehension(urls):
    return await asyncio.gather(*[asyncio.create_task(fetch(u)) for u in urls])  # rewrite


async def inline_generator(urls):
    pages = await asyncio.gather(*(asyncio.create_task(fetch(u)) for u in urls if u))
    return pages


async def inline_unused(urls):
    await asyncio.gather(*[asyncio.create_task(fetch(u)) for u in urls])  # rewrite: a loop


async def inline_list(a, b):
    first, second = await asyncio.gather(
        *[asyncio.create_task(fetch(a)), asyncio.create_task(fetch(b))]
    )
    return first + second


async def inline_wait(urls):
    await asyncio.wait([asyncio.create_task(fetch(u)) for u in urls])  # rewrite


async def inline_over_lines(urls):
    pages: list = await asyncio.gather(
        *[
            asyncio.create_task(fetch(u, retries=3))
            for u in urls
        ],
    )
    return pages


async def running_loop(urls):
    loop = asyncio.get_running_loop()  # rewrite: the loop goes with its last use
    tasks = [loop.create_task(fetch(u)) for u in urls]
    return await asyncio.gather(*tasks)


async def running_loop_used_again(urls):
    loop = asyncio.get_running_loop()
    tasks = [loop.create_task(fetch(u)) for u in urls]  # rewrite: the loop stays
    await asyncio.gather(*tasks)
    return loop.time()


async def async_comprehension(stream):
    tasks = [asyncio.create_task(fetch(u)) async for u in stream]  # rewrite
    return await asyncio.gather(*tasks)


async def async_comprehension_unused(stream):
    tasks = [asyncio.create_task(fetch(u)) async for u in stream]  # rewrite: an async for
    await asyncio.gather(*tasks)


async def async_for_loop(stream):
    tasks = []
    async for url in stream:  # rewrite
        tasks.append(asyncio.create_task(fetch(url)))
    await asyncio.gather(*tasks)


async def awaits_between(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    await asyncio.sleep(0)  # rewrite: moves into the block
    return await asyncio.gather(*tasks)


async def async_with_between(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    async with connect() as db:  # rewrite
        db.log("started")
    await asyncio.gather(*tasks)


async def awaits_in_creation(urls, token_source):
    tasks = [asyncio.create_task(fetch(url, await token_source())) for url in urls]
    await asyncio.gather(*tasks)  # rewrite: the creation awaits, in the block


async def named_with_work_between(a, b):
    task1 = asyncio.create_task(fetch(a))
    task2 = asyncio.create_task(fetch(b))
    print("started")
    await asyncio.sleep(1)
    await task1  # rewrite: the guides' own example
    await task2
    print("finished", task1.result(), task2.result())


async def inline_generator_over_lines(nodes):
    errors = await asyncio.gather(
        *(
            asyncio.create_task(node.run())  # rewrite: the `)` becomes a `]` in its place
            for node in nodes
        )
    )
    return errors
