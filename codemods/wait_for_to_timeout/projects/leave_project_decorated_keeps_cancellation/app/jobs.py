import asyncio
import functools


def never_cancel(fn):
    @functools.wraps(fn)
    async def wrapper(*args):
        try:
            return await fn(*args)
        except asyncio.CancelledError:
            return None
    return wrapper


@never_cancel
async def job():
    await asyncio.sleep(10)
    return "done"
