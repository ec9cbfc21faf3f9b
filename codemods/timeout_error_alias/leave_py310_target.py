# asyncmod-test: --target-version py310
import asyncio


async def poll(feed):
    try:
        return await asyncio.wait_for(feed.read(), 5)
    # leave: on Python 3.10 `asyncio.TimeoutError` is its own class, and
    # `wait_for` raises it, not the builtin `TimeoutError`
    except asyncio.TimeoutError:
        return None
