# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch

REGISTRY = []


class Crawler:
    async def stored_on_self(self, urls):
        tasks = [asyncio.create_task(fetch(url)) for url in urls]
        self.running = tasks  # leave, reported: stored on an attribute
        await asyncio.gather(*tasks)


async def returned_early(urls, lazy):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    if lazy:
        return tasks  # leave, reported: the caller may wait, or not
    await asyncio.gather(*tasks)


async def in_a_container(urls):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    REGISTRY.append(tasks)  # leave, reported: in a container
    await asyncio.gather(*tasks)


async def read_by_a_callback(urls, loop):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    loop.call_later(5, lambda: [t.cancel() for t in tasks])  # leave, reported: a closure
    await asyncio.gather(*tasks)


async def passed_after_the_wait(urls, report):
    tasks = [asyncio.create_task(fetch(url)) for url in urls]
    await asyncio.gather(*tasks)
    report(tasks)  # leave, reported: passed on, even after the wait


async def yielded(urls):
    first = asyncio.create_task(fetch(urls[0]))
    second = asyncio.create_task(fetch(urls[1]))
    yield first  # leave, reported: the task escapes to the consumer
    await asyncio.gather(first, second)
