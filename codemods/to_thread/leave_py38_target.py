# asyncmod-test: --unsafe-fixes --target-version py38
import asyncio


async def load(path, read):
    loop = asyncio.get_running_loop()
    # leave: `asyncio.to_thread` needs Python 3.9
    return await loop.run_in_executor(None, read, path)
