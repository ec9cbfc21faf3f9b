import asyncio
from asyncio import TimeoutError as ATE


async def slow():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    # rewrite: the import stays, `main` imports `ATE` from this module
    except ATE:
        return "timeout"
