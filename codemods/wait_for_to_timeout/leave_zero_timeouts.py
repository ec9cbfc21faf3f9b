import asyncio


async def probe(fut, job):
    # leave, reported: with a timeout of zero or less, wait_for cancels the
    # awaitable before it starts; asyncio.timeout() would let it run first
    await asyncio.wait_for(job(), 0)
    await asyncio.wait_for(job(), 0.0)
    await asyncio.wait_for(job(), timeout=-1)
    await asyncio.wait_for(fut, False)
