import asyncio


async def work():
    return "real"


async def start():
    # leave (safe): a test replaces `app.work` with a mock returning a
    # future, which `create_task` rejects
    return await asyncio.ensure_future(work())
