# asyncmod-test: --unsafe-fixes --target-version py37
"""Python 3.7 still compiled a `yield` inside a comprehension or generator
expression (with a warning). It cannot become `await`, and an `async def`
cannot hold it: the coroutine is reported, not converted."""
import asyncio


@asyncio.coroutine
def gather_all(items):  # leave: `yield from` in a list comprehension
    results = [(yield from asyncio.sleep(0, item)) for item in items]
    yield from asyncio.sleep(0)
    return results


@asyncio.coroutine
def collect(items):  # leave: bare `yield` in a generator expression
    received = list((yield item) for item in items)
    yield from asyncio.sleep(0)
    return received


@asyncio.coroutine
def nested(rows):  # leave: in a comprehension inside a comprehension
    table = {key: [(yield from asyncio.sleep(0, v)) for v in row] for key, row in rows}
    yield from asyncio.sleep(0)
    return table
