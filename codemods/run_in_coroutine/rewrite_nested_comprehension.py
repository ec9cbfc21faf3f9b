# asyncmod-test: --target-version py310
"""An `await` in a comprehension that runs directly in the coroutine, or in
one whose outer comprehension is asynchronous already, compiles on 3.10."""
import asyncio


async def fetch(x):
    return x


async def flat(row):
    return [asyncio.run(fetch(x)) for x in row]  # rewrite


async def grid(rows):
    return [[asyncio.run(fetch(x)) for x in row] for row in rows if await fetch(row)]  # rewrite


async def from_first_iterable(rows):
    return [y for y in [asyncio.run(fetch(x)) for x in rows]]  # rewrite
