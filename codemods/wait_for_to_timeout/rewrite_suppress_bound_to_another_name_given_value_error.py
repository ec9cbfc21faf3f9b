"""`contextlib.suppress` bound to another name, given another exception than
`CancelledError`: the cancellation gets out."""
import asyncio
import contextlib

ignoring = contextlib.suppress


async def job():
    with ignoring(ValueError):
        await asyncio.sleep(0.5)
    return "partial"


async def runner():
    return await asyncio.wait_for(job(), 5)
