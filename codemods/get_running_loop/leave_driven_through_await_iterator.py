# Coroutines stepped through `__await__()` or resumed with `throw` run with
# no loop: there `get_event_loop()` makes one and `get_running_loop()`
# raises at once. Unsafe: left alone without --unsafe-fixes.
import asyncio
import warnings

warnings.simplefilter("ignore", DeprecationWarning)


class Yield:
    def __await__(self):
        yield "tick"


async def job():
    loop = asyncio.get_event_loop()  # leave: unsafe
    print("got loop", type(loop).__name__)
    return 1


async def handler():
    try:
        await Yield()
    except KeyError:
        loop = asyncio.get_event_loop()  # leave: unsafe
        print("handler", type(loop).__name__)
        return 2


def drive(coro):
    it = coro.__await__()
    try:
        while True:
            next(it)
    except StopIteration as e:
        return e.value


print(drive(job()))
c = handler()
print(next(c.__await__()))
try:
    c.throw(KeyError("x"))
except StopIteration as e:
    print("result", e.value)
