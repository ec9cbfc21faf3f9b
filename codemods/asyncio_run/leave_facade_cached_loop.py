"""`asyncio.run` in this facade fails on the second call: `Event loop is closed`."""
import asyncio

_LOOP = None


async def fetch(x):
    # Like a client that keeps the loop it first ran on.
    global _LOOP
    _LOOP = _LOOP or asyncio.get_running_loop()
    fut = _LOOP.create_future()
    _LOOP.call_soon(fut.set_result, x * 2)
    return await fut


def fetch_sync(x):
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(fetch(x))  # leave (unsafe): called twice below


print(fetch_sync(1), fetch_sync(2))
