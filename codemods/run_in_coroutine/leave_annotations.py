from __future__ import annotations

import asyncio


async def compute():
    return 1


async def handler():
    # leave, reported: an annotation in a function never runs, and CPython
    # refuses `await` in one (also without the `__future__` import, from 3.14)
    total: asyncio.run(compute()) = 1
    pending: list[asyncio.run(compute())]
    return total
