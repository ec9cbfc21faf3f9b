# asyncmod-test: --unsafe-fixes
import asyncio


async def process(task, queue):
    # rewrite: `task` is the parameter, so the new name is `background_task`
    asyncio.get_running_loop().create_task(queue.put(task))
    return task


async def uses_global():
    asyncio.create_task(tick())  # rewrite: `task` would shadow the global below
    print(task)


async def tick():
    pass


task = None
