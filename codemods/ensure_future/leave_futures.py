import asyncio
from asyncio import gather as collect


async def combine(loop, pool, pending, work):
    # leave: each argument is (or may be) a future; `create_task` rejects futures
    both = asyncio.ensure_future(asyncio.gather(work(1), work(2)))
    alias = asyncio.ensure_future(collect(work(3)))
    shielded = asyncio.ensure_future(asyncio.shield(work(4)))
    threaded = asyncio.ensure_future(loop.run_in_executor(None, print))
    wrapped = asyncio.ensure_future(asyncio.wrap_future(pool.submit(print)))
    created = asyncio.ensure_future(loop.create_future())
    task = asyncio.ensure_future(loop.create_task(work(5)))
    variable = asyncio.ensure_future(pending)
    attribute = asyncio.ensure_future(pool.current)
    return both, alias, shielded, threaded, wrapped, created, task, variable, attribute
