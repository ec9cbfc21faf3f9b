import asyncio

import registry


async def job(n):
    return n * 10


async def first(jobs):
    # Continued at the statement's indentation: without brackets, `[0]`
    # would become a statement of its own.
    result = asyncio.run(jobs
    [0])  # rewrite: `await (...)`
    return result


async def again(make, n):
    return asyncio.run(make
    (n))  # rewrite: `await (...)`


class Client:
    async def fetch(self):
        return "data"


async def helper(client):
    x = asyncio.run(client
                    .fetch())  # rewrite: `await (...)`, which also parses
    return x


async def tail(make, n):
    # Line breaks inside the argument's own brackets need none.
    return asyncio.run(make(
        n,
    )) + 1  # rewrite


registry.add(job, first, again, Client, helper, tail)
