import asyncio


async def crawl(session, urls, consumer, a):
    # leave, reported: `session.get(url)` may return a coroutine or a future
    await asyncio.wait([session.get(url) for url in urls])
    # leave, reported: aiokafka's `wait_for_position()` returns `shield(...)`:
    # wrapping it in `create_task` would raise TypeError
    await asyncio.wait([consumer.wait_for_position(), consumer.unassign_future])
    # leave, reported: one element is known, one is not: all or nothing
    await asyncio.wait([refresh(), a.run()])
    # leave, silently: Home Assistant's helpers make tasks already
    await asyncio.wait([create_eager_task(refresh()), a.async_create_task(refresh())])


async def refresh():
    pass


def create_eager_task(coro):
    return asyncio.get_running_loop().create_task(coro)
