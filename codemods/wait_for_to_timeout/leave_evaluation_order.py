import asyncio


async def send(conn, budget, urls, batch):
    # leave, reported: the timeout would now run before `next(urls)`
    await asyncio.wait_for(conn.fetch(next(urls)), budget.take())
    # leave, reported: the inner await would move under the deadline
    await asyncio.wait_for(conn.send(await conn.prepare()), 5)
    # leave, reported: the walrus binds `n` that the timeout reads
    await asyncio.wait_for(conn.send(n := len(batch)), n / 10)
    # leave, reported: the awaitable is not a call, a name or an attribute
    await asyncio.wait_for(conn.a() if batch else conn.b(), 5)
