# asyncmod-test: --unsafe-fixes
import asyncio


async def held(tg, nursery, tasks, registry, loop):
    task = asyncio.create_task(job())  # leave: assigned
    tasks.append(asyncio.create_task(job()))  # leave: appended
    registry.add(asyncio.ensure_future(job()))  # leave: passed on
    await asyncio.create_task(job())  # leave: awaited
    tg.create_task(job())  # leave: a task group holds it
    nursery.start_soon(job)  # leave: a nursery
    loop.create_task(job())  # leave: an unknown loop object
    return task, asyncio.create_task(job())  # leave: returned


async def job():
    pass
