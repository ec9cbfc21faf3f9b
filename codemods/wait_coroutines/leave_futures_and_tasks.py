import asyncio


async def futures(loop, tg, pool, job):
    # leave: tasks and futures, which `asyncio.wait` still accepts
    await asyncio.wait([
        asyncio.create_task(job()),
        asyncio.ensure_future(job()),
        asyncio.gather(job(), job()),
        asyncio.shield(job()),
        loop.run_in_executor(pool, print),
        loop.create_task(job()),
        loop.create_future(),
        tg.create_task(job()),
        asyncio.wrap_future(pool.submit(print)),
        asyncio.Future(),
    ])
