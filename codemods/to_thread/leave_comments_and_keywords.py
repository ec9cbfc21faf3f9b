# asyncmod-test: --unsafe-fixes
import asyncio


async def commented(job):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(
        None,  # leave, reported: the comment would go with the argument
        job,
    )


async def keywords(job, args):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(executor=None, func=job)  # leave: keyword arguments
    await loop.run_in_executor(None, *args)  # leave: the function is unpacked
    await loop.run_in_executor((None), job)  # leave, reported: parenthesized executor
