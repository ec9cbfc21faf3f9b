import asyncio
from asyncio import TimeoutError as ATE


async def slow():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    # rewrite: the import stays, `globals()` lists it
    except ATE:
        return "timeout"


def names():
    return sorted(k for k in globals() if k.isupper())
