# asyncmod-runtime: compare
"""A timeout bound below the function that reads it: the rewrite reads it
before the awaitable is made, which changes nothing when the awaitable is a
call of an `async def` of the module (making the coroutine runs none of its
code). A decorated one may run code when called: left alone."""
import asyncio
import functools

made = []


async def fetch(key):
    await asyncio.sleep(0)
    return f"data {key}"


def traced(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        made.append(fn.__name__)
        return fn(*args)
    return wrapper


@traced
async def fetch_traced():
    await asyncio.sleep(0)
    return "traced"


async def load(key):
    return await asyncio.wait_for(fetch(key), TIMEOUT)  # rewrite


async def load_traced():
    return await asyncio.wait_for(fetch_traced(), TIMEOUT)  # leave, reported


TIMEOUT = 5

print(asyncio.run(load("k")))
print(asyncio.run(load_traced()), made)
