# asyncmod-test: --target-version py310
"""Before Python 3.11 an `await` cannot make a comprehension asynchronous
inside a synchronous comprehension: CPython 3.10 refuses to compile it."""
import asyncio


async def fetch(x):
    return x


async def grid(rows):
    return [[asyncio.run(fetch(x)) for x in row] for row in rows]  # leave: py310


async def table(rows):
    return {k: {asyncio.run(fetch(v)) for v in row} for k, row in rows}  # leave: py310


async def lazy(rows):
    return ([asyncio.run(fetch(x)) for x in row] for row in rows)  # leave: py310
