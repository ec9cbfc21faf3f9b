import asyncio


async def poll(n):
    return n


async def mixed(ticker, heartbeat):
    # rewrite: the coroutine calls only; the task in a variable stays as it is
    await asyncio.wait([ticker, asyncio.create_task(poll(2)), poll(1)])
    await asyncio.wait((poll(3), heartbeat), timeout=1)  # rewrite: a tuple
    await asyncio.wait(fs={poll(4)})  # rewrite: the `fs` keyword
    finished, _ = await asyncio.wait(
        [
            poll(5),  # the slow one
            poll(6),
        ],
        return_when=asyncio.FIRST_COMPLETED,
    )  # rewrite: comments and layout survive
    return finished
