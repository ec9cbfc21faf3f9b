import asyncio


async def take(q, timeout):
    # leave: `timeout > 5` is False, a zero timeout, when it does not hold:
    # wait_for(aw, 0) and asyncio.timeout(0) differ (the item is consumed
    # or not).
    return await asyncio.wait_for(q.get(), (timeout > 5))
