import asyncio


async def send(conn, budget, urls, batch):
    # leave, reported: the timeout would now run before `next(urls)`
    await asyncio.wait_for(conn.fetch(next(urls)), budget.take())
    # leave, reported: the inner await would move under the deadline
    await asyncio.wait_for(conn.send(await conn.prepare()), 5)
    # leave, reported: the walrus binds `n` that the timeout reads
    await asyncio.wait_for(conn.send(n := len(batch)), n / 10)
    # leave, reported: the awaitable is not a call, a name, an attribute or a subscript
    await asyncio.wait_for(conn.a() if batch else conn.b(), 5)


def budget():
    print("budget")
    return 1


def send_now(n):
    # A plain function: calling it runs code before the coroutine exists.
    print("send", n)
    return asyncio.sleep(0, n)


async def plain_callee():
    # leave, reported: `send_now(7)` prints before `budget()` runs; the
    # rewrite would evaluate the timeout first
    await asyncio.wait_for(send_now(7), max(1, budget()))


async def augmented(counts, fut, box, key):
    # leave, reported: the target `counts[key()]` is read before the
    # timeout runs; the rewrite would run `budget()` first
    counts[key()] += await asyncio.wait_for(fut, max(1, budget()))
    # leave, reported: reading `box.total` may run a property
    box.total += await asyncio.wait_for(fut, max(1, budget()))


async def walrus_in_timeout(conn):
    # leave, reported: the awaitable could read what the timeout assigns
    await asyncio.wait_for(conn.ping(), (t := 5))
    return t


TIMEOUT = 5


def make_request(conn):
    global TIMEOUT
    TIMEOUT = 0.01
    return conn.request()


async def rebound_by_a_call(conn):
    # leave, reported: `make_request` rebinds the global the timeout reads
    await asyncio.wait_for(make_request(conn), TIMEOUT)


async def rebound_by_a_closure(conn):
    limit = 5

    def make():
        nonlocal limit
        limit = 0.01
        return conn.request()

    # leave, reported: `make` rebinds `limit`, which the timeout reads
    await asyncio.wait_for(make(), limit)
