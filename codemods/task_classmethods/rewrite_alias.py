import asyncio as aio
from asyncio import tasks


async def status():
    current = aio.Task.current_task()  # rewrite: the alias is kept
    also = tasks.Task.current_task()  # rewrite: asyncio.tasks.Task
    return current is also
