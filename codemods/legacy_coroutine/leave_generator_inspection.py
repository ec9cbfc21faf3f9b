import asyncio
import types


def _legacy(func):
    # `@asyncio.coroutine` as Python 3.10 had it, for this Python
    coroutine = types.coroutine(func)
    coroutine._is_coroutine = asyncio.coroutines._is_coroutine
    return coroutine


asyncio.coroutine = _legacy
import inspect


@asyncio.coroutine
def checked():  # leave, reported: the module tells generator functions apart
    yield from asyncio.sleep(0)
    return 1


@asyncio.coroutine
def part():  # leave, reported: the module looks at generator objects below
    yield from asyncio.sleep(0.01)


async def main():
    task = asyncio.get_running_loop().create_task(part())
    await asyncio.sleep(0)
    coro = task.get_coro()
    print(type(coro).__name__, getattr(coro, "gi_running", "no gi_running"))
    await task


print(inspect.isgeneratorfunction(checked))
asyncio.run(main())
