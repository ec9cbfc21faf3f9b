# asyncmod-test: --target-version py39
import asyncio


async def still_supported(loop):
    # leave: on a py39 target `loop=` still works, with a deprecation warning
    await asyncio.sleep(1, loop=loop)
    return asyncio.Queue(loop=loop)
