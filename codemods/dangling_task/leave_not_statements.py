# asyncmod-test: --unsafe-fixes
import asyncio


async def shapes(jobs, urgent):
    later = lambda: asyncio.create_task(jobs[0]())  # leave: a lambda returns it
    [asyncio.create_task(job()) for job in jobs]  # leave: not a single call
    urgent and asyncio.create_task(jobs[0]())  # leave: part of an expression
    return later


class Service:
    asyncio.ensure_future(asyncio.sleep(0))  # leave, reported: a class body
