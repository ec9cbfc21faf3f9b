"""`contextlib.suppress` bound to another name (`ignoring = contextlib.suppress`)
and given `CancelledError` keeps the cancellation as `suppress` does."""
import asyncio
import contextlib

ignoring = contextlib.suppress


async def job():
    with ignoring(asyncio.CancelledError):
        await asyncio.sleep(0.5)
    return "partial"


async def runner():
    return await asyncio.wait_for(job(), 5)
