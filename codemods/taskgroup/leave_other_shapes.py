# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch


async def ensure_future(urls):
    tasks = [asyncio.ensure_future(fetch(url)) for url in urls]  # leave: not create_task
    await asyncio.gather(*tasks)


async def coroutines_not_tasks(urls):
    await asyncio.gather(*[fetch(url) for url in urls])  # leave: no tasks at all


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


async def loop_not_known(loop, urls):
    tasks = [loop.create_task(fetch(url)) for url in urls]  # leave: `loop` may be any object
    await asyncio.gather(*tasks)


class Client:
    async def loop_attribute(self, urls):
        tasks = [self.loop.create_task(fetch(url)) for url in urls]  # leave: an attribute
        await asyncio.gather(*tasks)


async def another_loop(urls):
    loop = asyncio.new_event_loop()
    tasks = [loop.create_task(fetch(url)) for url in urls]  # leave: not the running loop
    await asyncio.gather(*tasks)


async def loop_rebound(urls, other):
    loop = asyncio.get_running_loop()
    if other is not None:
        loop = other
    tasks = [loop.create_task(fetch(url)) for url in urls]  # leave: maybe another loop
    await asyncio.gather(*tasks)


async def generator_assigned(urls):
    tasks = (asyncio.create_task(fetch(url)) for url in urls)  # leave: made only when unpacked
    await asyncio.gather(*tasks)


async def async_generator_unpacked(stream):
    # leave: `*` cannot unpack an async generator; the program fails as it is
    await asyncio.gather(*(asyncio.create_task(fetch(url)) async for url in stream))


async def list_with_a_coroutine(a, b):
    tasks = [asyncio.create_task(fetch(a)), fetch(b)]  # leave: not all tasks
    await asyncio.gather(*tasks)


async def inline_with_return_exceptions(urls):
    # leave: a deliberate choice a TaskGroup has no equivalent for
    made = [asyncio.create_task(fetch(url)) for url in urls]
    return await asyncio.gather(*[asyncio.create_task(fetch(u)) for u in urls], return_exceptions=True), made


async def inline_wait_options(urls):
    await asyncio.wait([asyncio.create_task(fetch(url)) for url in urls], timeout=5)  # leave
