import asyncio

from app.jobs import Job


class Waiter:
    def __await__(self):
        yield


def make_future(loop):
    return loop.create_future()


async def not_coroutines(loop, items):
    # leave: a class, a plain def, builtins: their results are not coroutines
    await asyncio.wait([Waiter(), make_future(loop), Job(), iter(items), anext(items)])
