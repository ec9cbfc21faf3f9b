import asyncio


async def job(n):
    return n


async def main(tasks):
    pending = job(1)  # leave: the coroutine is kept and awaited below
    tasks.append(job(2))  # leave: passed on
    await asyncio.gather(pending, *tasks)
    await job(3)  # leave: already awaited
    return job(4)  # leave: returned to the caller
