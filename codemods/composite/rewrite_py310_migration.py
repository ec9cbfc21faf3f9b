# asyncmod-test: --unsafe-fixes --target-version py310
"""Raising the minimum to 3.10: only what 3.10 allows may change."""
import asyncio


async def poll(loop, sensor):
    loop = asyncio.get_event_loop()  # rewrite: AM101
    lock = asyncio.Lock(loop=loop)  # rewrite: AM201 (loop= was removed in 3.10)
    async with lock:
        try:
            value = await asyncio.wait_for(sensor.read(), 1)  # leave: asyncio.timeout needs 3.11
        except asyncio.TimeoutError:  # leave: before 3.11 this is not the builtin TimeoutError
            value = None
    await asyncio.sleep(0.1, loop=loop)  # rewrite: AM201
    return value
