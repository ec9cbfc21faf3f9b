import asyncio
from concurrent import futures


def submit_and_wait(loop, coro, timeout):
    future = asyncio.run_coroutine_threadsafe(coro, loop)
    try:
        return future.result(timeout)
    except futures.TimeoutError:  # rewrite: an alias of the builtin since 3.11 too
        future.cancel()
        raise
