"""A task whose coroutine keeps its cancellation: on a timeout both forms
give its value, but when the caller is cancelled 3.11's `wait_for` still
raises `CancelledError` there, where awaited directly the caller would go
on with the value."""
import asyncio


async def task_that_refuses_to_stop():
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return 42

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    # leave: the task's coroutine keeps its cancellation
    result = await asyncio.wait_for(task, 0.01)
    print("stubborn:", result, asyncio.current_task().cancelling())


asyncio.run(task_that_refuses_to_stop())
