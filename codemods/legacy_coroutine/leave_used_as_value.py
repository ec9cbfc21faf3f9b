import asyncio
import types


def _legacy(func):
    # `@asyncio.coroutine` as Python 3.10 had it, for this Python
    coroutine = types.coroutine(func)
    coroutine._is_coroutine = asyncio.coroutines._is_coroutine
    return coroutine


asyncio.coroutine = _legacy
import functools


@asyncio.coroutine
def checked():  # leave, reported: looked at as a function below
    yield from asyncio.sleep(0)
    return 1


@asyncio.coroutine
def handed_on():  # leave, reported: passed on as a value
    yield from asyncio.sleep(0)
    return "handed on"


def trace(func):
    @functools.wraps(func)
    def wrapper(*args):
        result = func(*args)
        print("trace", type(result).__name__)
        return result

    return wrapper


@trace
@asyncio.coroutine
def traced():  # leave, reported: `trace` would receive an `async def`
    yield from asyncio.sleep(0)
    return "traced"


def run(factory):
    result = factory()
    print(type(result).__name__)
    return asyncio.run(asyncio.wait_for(result, 1))


print(asyncio.iscoroutinefunction(checked))
print(run(handed_on))
print(asyncio.run(asyncio.wait_for(traced(), 1)))
