# Cleanup code: a sleep there becomes a point where a second cancellation
# (here the deadline of `wait_for`) interrupts the cleanup halfway. Unsafe,
# so left alone without --unsafe-fixes.
import asyncio
import time

log = []


async def close_in_finally():
    try:
        await asyncio.sleep(1)
    finally:
        time.sleep(0.05)  # leave: unsafe in a `finally:` body
        log.append("finally cleaned")


async def close_in_except():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        time.sleep(0.05)  # leave: unsafe in an `except` body
        log.append("except cleaned")
        raise


class Connection:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        time.sleep(0.05)  # leave: unsafe in `__aexit__`
        log.append("connection closed")


async def use_connection():
    async with Connection():
        await asyncio.sleep(1)


async def cancel_twice(coroutine):
    task = asyncio.create_task(coroutine)
    await asyncio.sleep(0)
    task.cancel()
    try:
        await asyncio.wait_for(task, 0.01)
    except (asyncio.CancelledError, TimeoutError):
        pass


async def main():
    await cancel_twice(close_in_finally())
    await cancel_twice(close_in_except())
    await cancel_twice(use_connection())
    print(log)


asyncio.run(main())
