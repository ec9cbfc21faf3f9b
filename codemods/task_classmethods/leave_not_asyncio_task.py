import asyncio

from celery import Task


class Job:
    @classmethod
    def all_tasks(cls):
        return []


async def others(asyncio_task):
    Task.all_tasks()  # leave: celery's Task
    Job.all_tasks()  # leave: our own class
    asyncio_task.current_task()  # leave: a parameter
    return asyncio.all_tasks()  # leave: already the function


async def shadowed(asyncio):
    return asyncio.Task.current_task()  # leave: `asyncio` is the parameter
