import asyncio


async def load(path, read):
    loop = asyncio.get_running_loop()
    # leave, reported: the fix is unsafe (context variables are copied now)
    return await loop.run_in_executor(None, read, path)
