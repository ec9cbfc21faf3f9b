import asyncio


async def poll(sources, lock, conn):
    # leave, reported: each wait_for is one argument of gather
    results = await asyncio.gather(
        asyncio.wait_for(sources[0].read(), 1),
        asyncio.wait_for(sources[1].read(), 1),
    )
    if await asyncio.wait_for(lock.acquire(), 5):  # leave, reported: a condition
        lock.release()
    sizes = [await asyncio.wait_for(s.size(), 1) for s in sources]  # leave, reported: comprehension
    total = (await asyncio.wait_for(conn.count(), 1)) + 1  # leave, reported: part of a sum
    print(await asyncio.wait_for(conn.name(), 1))  # leave, reported: an argument
    task = asyncio.ensure_future(asyncio.wait_for(conn.ping(), 1))  # leave, reported: not awaited
    return results, sizes, total, task
