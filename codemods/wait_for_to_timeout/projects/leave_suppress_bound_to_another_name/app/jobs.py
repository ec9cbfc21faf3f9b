import asyncio

import contextlib
ignoring = contextlib.suppress
async def job():
    with ignoring(asyncio.CancelledError):
        await asyncio.sleep(0.5)
    return "partial"
