# asyncmod-test: --unsafe-fixes
import asyncio


async def prefetch(load, key):
    loop = asyncio.get_running_loop()
    # leave: the executor future starts now and is awaited later;
    # `to_thread` would only start when awaited
    fut = loop.run_in_executor(None, load, key)
    await asyncio.sleep(0.1)
    return await fut


async def fan_out(load, keys):
    loop = asyncio.get_running_loop()
    # leave: futures passed on, not awaited at once
    return await asyncio.gather(*[loop.run_in_executor(None, load, k) for k in keys])


async def bounded(load, key):
    loop = asyncio.get_running_loop()
    return await asyncio.wait_for(loop.run_in_executor(None, load, key), 5)  # leave
