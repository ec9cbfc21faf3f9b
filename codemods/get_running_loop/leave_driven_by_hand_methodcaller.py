# The module steps a coroutine by hand (`send` taken as a value or by
# name): no loop runs, and `get_running_loop()` would raise. Unsafe only.
import asyncio
import operator


async def probe():
    loop = asyncio.get_event_loop()
    print("got loop", type(loop).__name__)


drive = operator.methodcaller("send", None)
try:
    drive(probe())
except StopIteration:
    print("done")
except RuntimeError as e:
    print("error", e)
