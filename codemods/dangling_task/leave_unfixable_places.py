# asyncmod-test: --unsafe-fixes
import asyncio

_background_tasks = []  # a different kind of holder


async def clash(job):
    asyncio.create_task(job())  # leave, reported: `_background_tasks` is taken


asyncio.ensure_future(asyncio.sleep(0))  # leave, reported: module level


async def one_liner(job):
    if job: asyncio.create_task(job())  # leave, reported: shares its line


async def continued(jobs):
    # leave, reported: a body a backslash puts on the header's logical line
    for job in jobs: \
        asyncio.create_task(job())
