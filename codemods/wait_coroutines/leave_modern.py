import asyncio


async def modern(jobs):
    # leave: tasks already, and a task group
    tasks = [asyncio.create_task(job()) for job in jobs]
    done, pending = await asyncio.wait(tasks)
    async with asyncio.TaskGroup() as tg:
        for job in jobs:
            tg.create_task(job())
    return done, pending
