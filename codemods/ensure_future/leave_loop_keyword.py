import asyncio

from app.jobs import job


async def schedule(loop):
    # leave, reported: `create_task` takes no `loop=`; the keyword stays
    return asyncio.ensure_future(job(), loop=loop)
