import asyncio
import types


def _legacy(func):
    # `@asyncio.coroutine` as Python 3.10 had it, for this Python
    coroutine = types.coroutine(func)
    coroutine._is_coroutine = asyncio.coroutines._is_coroutine
    return coroutine


asyncio.coroutine = _legacy


@asyncio.coroutine
def ticker():  # leave, reported: driven with `next()` below
    yield from asyncio.sleep(0)
    return "ticked"


@asyncio.coroutine
def inner():  # leave, reported: a plain generator delegates to it
    yield from asyncio.sleep(0)
    return 3


def driver():
    value = yield from inner()
    print("value", value)


@asyncio.coroutine
def steps():  # leave, reported: iterated
    yield from asyncio.sleep(0)
    return 1


@asyncio.coroutine
def kept():  # leave, reported: its generator is kept for later
    yield from asyncio.sleep(0)
    return "kept"


class Job:
    @asyncio.coroutine
    def step(self):  # leave, reported: an attribute of its name is iterated
        yield from asyncio.sleep(0)
        return 1


generator = ticker()
print(next(generator))
for step in driver():
    print("step", step)
print(list(steps()))
pending = kept()
print(type(pending).__name__)
for item in Job().step():
    print("item", item)
