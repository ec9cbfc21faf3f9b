import asyncio


def cancel_everything():
    # leave, reported: without a running loop `asyncio.all_tasks()` raises
    for task in asyncio.Task.all_tasks():
        task.cancel()


def current_or_none():
    return asyncio.Task.current_task()  # leave, reported: the method returned None


def current_with_none_loop():
    return asyncio.Task.current_task(None)  # leave, reported: `None` is no loop


async def in_callback():
    asyncio.get_running_loop().call_soon(lambda: asyncio.Task.current_task())  # leave, reported
