# asyncmod-test: --unsafe-fixes
import asyncio

from app.http import fetch


async def first_answer(mirrors):
    tasks = [asyncio.create_task(fetch(m)) for m in mirrors]
    # leave: returns as soon as one is done
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    return done.pop().result()


async def with_timeout(mirrors):
    tasks = [asyncio.create_task(fetch(m)) for m in mirrors]
    await asyncio.wait(tasks, timeout=2.5)  # leave: a deadline, not a join


async def sets_used(mirrors):
    tasks = [asyncio.create_task(fetch(m)) for m in mirrors]
    done, pending = await asyncio.wait(tasks)  # leave, reported: the sets are used
    return len(done), len(pending)
