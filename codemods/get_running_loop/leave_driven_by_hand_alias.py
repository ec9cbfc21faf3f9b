# The module steps a coroutine by hand (`send` taken as a value or by
# name): no loop runs, and `get_running_loop()` would raise. Unsafe only.
import asyncio


async def probe():
    loop = asyncio.get_event_loop()
    print("got loop", type(loop).__name__)


coro = probe()
step = coro.send
try:
    step(None)
except StopIteration:
    print("done")
except RuntimeError as e:
    print("error", e)
