# A generator made a coroutine by `types.coroutine` steps the coroutine it
# delegates to with no event loop: `get_running_loop()` would raise there,
# where `get_event_loop()` returns a loop. The fix is unsafe: left alone.
import asyncio
from types import coroutine


async def compute():
    loop = asyncio.get_event_loop()  # leave: the module drives coroutines by hand
    return 42 if loop is not None else 0


@coroutine
def trampoline(c):
    return (yield from c)


def run_sync(coro_fn):
    g = trampoline(coro_fn())
    try:
        next(g)
    except StopIteration as e:
        return e.value


print("sync result", run_sync(compute))
