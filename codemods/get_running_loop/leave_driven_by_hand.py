# Coroutines driven by hand (`send(None)`) run with no loop: there
# `get_event_loop()` makes one and `get_running_loop()` raises at once.
# Unsafe: left alone without --unsafe-fixes.
import asyncio
import warnings

warnings.simplefilter("ignore", DeprecationWarning)


async def loop_name():
    return type(asyncio.get_event_loop()).__name__  # leave: unsafe


def run(coroutine):
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("suspended")


print(run(loop_name()))
