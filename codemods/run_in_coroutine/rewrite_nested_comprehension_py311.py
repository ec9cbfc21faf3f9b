"""From Python 3.11 on an asynchronous comprehension may sit inside a
synchronous one (the target defaults to a newer Python here)."""
import asyncio


async def fetch(x):
    return x


async def grid(rows):
    return [[asyncio.run(fetch(x)) for x in row] for row in rows]  # rewrite
