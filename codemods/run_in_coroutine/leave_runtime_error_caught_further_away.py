# `asyncio.run` in a coroutine raises RuntimeError, and code anywhere in the
# module may rely on catching it, however the coroutine reaches it: a
# decorator's wrapper around `await fn()`, `gather(...,
# return_exceptions=True)` turning it into a value, a coroutine held in a
# variable and run inside a `try`, an aliased `suppress`. Which coroutine a
# handler sees cannot be told: reported without a fix.
import asyncio
import functools
from contextlib import suppress as quietly


def fallback_on_runtime_error(fn):
    @functools.wraps(fn)
    async def wrapper(*a):
        try:
            return await fn(*a)
        except RuntimeError:
            return "fallback"

    return wrapper


async def compute():
    print("computing")
    return 42


@fallback_on_runtime_error
async def load():
    return asyncio.run(compute())  # leave: the decorator's wrapper catches it


async def load_plain():
    return asyncio.run(compute())  # leave: gather returns it as a value


async def quiet():
    with quietly(Exception):
        asyncio.run(compute())  # leave: an aliased suppress swallows it
    return "quiet"


async def main():
    print(await load())
    res = await asyncio.gather(load_plain(), return_exceptions=True)
    print([type(r).__name__ for r in res])
    print(await quiet())


c = main()
try:
    asyncio.run(c)
except RuntimeError:
    print("RuntimeError")
