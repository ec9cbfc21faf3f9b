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
