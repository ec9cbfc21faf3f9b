# Coroutines driven by hand (`send(None)`) run with no event loop:
# `asyncio.sleep` would raise RuntimeError there. Unsafe.
import time


async def compute():
    time.sleep(0.01)  # leave: unsafe, no loop may be running
    return 42


def run(coroutine):
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("the coroutine suspended")


print(run(compute()))
