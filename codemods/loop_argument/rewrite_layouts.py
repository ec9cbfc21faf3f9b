import asyncio


async def layouts(loop, work):
    await asyncio.sleep(1, loop=loop)  # rewrite: last argument
    await asyncio.sleep(loop=loop, delay=1)  # rewrite: first argument
    lock = asyncio.Lock(loop=loop)  # rewrite: only argument
    cond = asyncio.Condition(lock, loop=loop,)  # rewrite: trailing comma stays
    results, _ = await asyncio.wait(
        [work(1), work(2)],
        loop=loop,  # rewrite: the argument goes, its comment stays
        timeout=5,
    )
    await asyncio.wait_for(
        work(3),
        timeout=2,  # seconds
        loop=loop
    )  # rewrite: the comma above goes, its comment stays
    queue = asyncio.PriorityQueue(
        loop=loop,
    )  # rewrite: the parentheses close up
    return results, cond, queue
