# asyncmod-test: --unsafe-fixes
from asyncio import Task, sleep


async def watchdog(limit):
    while len(Task.all_tasks()) > limit:  # rewrite: `Task` is asyncio's
        await sleep(1)


async def whoami():
    return Task.current_task()  # rewrite; the `Task` import goes when unused
