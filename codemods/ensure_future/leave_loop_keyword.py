import asyncio


async def schedule(loop, job):
    # leave, reported: `create_task` takes no `loop=`; the keyword stays
    return asyncio.ensure_future(job(), loop=loop)
