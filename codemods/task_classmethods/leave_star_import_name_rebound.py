# asyncmod-test: --unsafe-fixes
"""A star import of asyncio, then a `Task` of the module's own."""
from asyncio import *


async def report():
    print(Task.current_task())  # leave: `Task` is the class below
    print(len(Task.all_tasks()))  # leave


class Task:
    @classmethod
    def current_task(cls):
        return None

    @classmethod
    def all_tasks(cls):
        return set()
