import asyncio


async def probe(fut, job):
    # leave, reported: with a timeout of zero or less, wait_for cancels the
    # awaitable before it starts; asyncio.timeout() would let it run first
    await asyncio.wait_for(job(), 0)
    await asyncio.wait_for(job(), 0.0)
    await asyncio.wait_for(job(), timeout=-1)
    await asyncio.wait_for(fut, False)


async def time_left(q, job, loop, deadline):
    # leave, reported: the time left may be zero or negative by now; with
    # `wait_for` a queue item stays queued, with `timeout()` it is taken
    remaining = deadline - loop.time()
    item = await asyncio.wait_for(q.get(), remaining)
    # leave, reported: a subtraction written in place
    await asyncio.wait_for(q.get(), job.deadline - job.started)
    # leave, reported: bounded by the time left
    limit = min(5, deadline - loop.time())
    await asyncio.wait_for(q.get(), limit)
    return item


async def spent(q, elapsed):
    timeout = 10
    timeout -= elapsed
    # leave, reported: `timeout` was decreased
    await asyncio.wait_for(q.get(), timeout)


async def poll(q, timeout=0):
    # leave, reported: the parameter defaults to zero
    return await asyncio.wait_for(q.get(), timeout)


async def backoff(q):
    for delay in (1, 0, 2):
        # leave, reported: the loop gives a zero timeout
        await asyncio.wait_for(q.get(), delay)


async def checked_then_changed(q, loop, deadline):
    left = deadline - loop.time()
    if left > 0:
        left -= 1
        # leave, reported: changed after the check
        await asyncio.wait_for(q.get(), left)
    if left >= 0:
        # leave, reported: `>= 0` lets zero through
        await asyncio.wait_for(q.get(), left)
