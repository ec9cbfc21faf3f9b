# asyncmod-test: --unsafe-fixes
import asyncio

_background_tasks = set()


async def keep(job):
    task = asyncio.create_task(job())
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)


async def forget(job):
    asyncio.create_task(job())  # rewrite: reuses the set a previous run added
