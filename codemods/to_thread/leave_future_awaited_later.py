# asyncmod-test: --unsafe-fixes
import asyncio


async def prefetch(loop, load, key):
    # leave: the executor future starts now and is awaited later;
    # `to_thread` would only start when awaited
    fut = loop.run_in_executor(None, load, key)
    await asyncio.sleep(0.1)
    return await fut


async def fan_out(loop, load, keys):
    # leave: futures passed on, not awaited at once
    return await asyncio.gather(*[loop.run_in_executor(None, load, k) for k in keys])


async def bounded(loop, load, key):
    return await asyncio.wait_for(loop.run_in_executor(None, load, key), 5)  # leave
