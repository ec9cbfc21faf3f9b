# A generator made a coroutine by `types.coroutine` steps the coroutine it
# delegates to with no event loop (`next(trampoline(warmup()))`): the async
# sleep would raise `RuntimeError` there. The fix is unsafe: left alone.
import time
import types


async def warmup():
    print("warming")
    time.sleep(0.01)  # leave: the module drives coroutines by hand
    return "warm"


@types.coroutine
def trampoline(c):
    return (yield from c)


def run_sync(coro_fn):
    g = trampoline(coro_fn())
    try:
        while True:
            next(g)
    except StopIteration as e:
        return e.value


print("sync result", run_sync(warmup))
