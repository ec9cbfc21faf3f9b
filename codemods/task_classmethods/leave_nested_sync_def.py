import asyncio


async def outer():
    def helper():
        # leave, reported: a sync def may run outside the loop
        return asyncio.Task.current_task()

    return helper
