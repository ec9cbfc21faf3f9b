# asyncmod-test: --unsafe-fixes
import asyncio

from app.jobs import run_job


async def run_batch(jobs):
    tasks = [asyncio.create_task(run_job(job)) for job in jobs]
    await asyncio.wait(tasks)  # rewrite
    # reading the tasks after the wait is fine: they are done either way
    for task in tasks:
        print(task.result())
    return len([t for t in tasks if t.done()])
