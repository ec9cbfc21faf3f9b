# Coroutines driven by hand (`send(None)`) run with no loop, where
# `asyncio.run` works: `await inner()` would hand inner's suspension to the
# driver instead. Reported without a fix.
import asyncio


async def inner():
    await asyncio.sleep(0)
    return 7


async def outer():
    return asyncio.run(inner())  # leave, reported: driven by hand


def run(coroutine):
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    return "suspended"


print(run(outer()))
