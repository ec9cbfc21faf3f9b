"""Keep Task.current_task()/all_tasks() working for the legacy code base."""
import asyncio


class Task(asyncio.Task):
    @classmethod
    def current_task(cls, loop=None):
        task = asyncio.current_task(loop)
        print("compat current_task called")
        return task

    @classmethod
    def all_tasks(cls, loop=None):
        return asyncio.all_tasks(loop)


asyncio.Task = Task
