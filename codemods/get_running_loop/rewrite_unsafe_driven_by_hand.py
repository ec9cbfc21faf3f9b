# asyncmod-test: --unsafe-fixes
# Coroutines driven by hand (`send(None)`) run with no loop: there
# `get_event_loop()` makes one and `get_running_loop()` raises at once.
# Unsafe, so rewritten only with --unsafe-fixes.
import asyncio


async def loop_name():
    return type(asyncio.get_event_loop()).__name__  # rewrite (unsafe)


def run(coroutine):
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("suspended")


print(run(loop_name()))
