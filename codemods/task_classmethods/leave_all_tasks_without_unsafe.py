import asyncio


async def count_tasks():
    # leave, reported: the fix is unsafe (finished tasks are no longer listed)
    return len(asyncio.Task.all_tasks())
