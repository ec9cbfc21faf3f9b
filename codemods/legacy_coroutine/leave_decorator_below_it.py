import asyncio
import functools

OFFLINE = True


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        print("calling", fn.__name__)
        return fn(*args)
    return wrapper


def offline_default(value):
    def deco(fn):
        def wrapper(*args):
            if OFFLINE:
                return value
            return fn(*args)
        return wrapper
    return deco


# `asyncio.coroutine` decorated the plain wrappers these return: it made
# them coroutine functions, so `iscoroutinefunction(handler)` was true and
# `await fetch()` awaited the cached value. Without it, neither holds.
@asyncio.coroutine  # leave
@logged
async def handler(x):
    await asyncio.sleep(0)
    return x * 2


@asyncio.coroutine  # leave
@offline_default("cached page")
async def fetch(url):
    await asyncio.sleep(0)
    return "live page"


@asyncio.coroutine  # leave
@logged
def legacy(x):
    yield from asyncio.sleep(0)
    return x


class Jobs:
    @asyncio.coroutine  # leave: a `staticmethod` object, not the function
    @staticmethod
    async def run(q):
        return q


def dispatch(fn, *args):
    # a framework: coroutine functions are awaited, plain functions are called in a thread
    if asyncio.iscoroutinefunction(fn):
        return "coroutine", fn(*args)
    return "plain", fn


async def main():
    kind, c = dispatch(handler, 3)
    print(kind)
    if kind == "coroutine":
        print(await c)
    print(await fetch("a"))


asyncio.run(main())
