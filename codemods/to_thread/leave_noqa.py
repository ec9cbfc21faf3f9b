# asyncmod-test: --unsafe-fixes
import asyncio


async def keep_context_apart(job):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, job)  # noqa: AM102
    await loop.run_in_executor(None, job)  # noqa
