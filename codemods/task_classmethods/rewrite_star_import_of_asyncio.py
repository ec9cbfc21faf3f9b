# asyncmod-test: --unsafe-fixes
"""A star import of asyncio binds its `Task`."""
from asyncio import *


async def report():
    print(Task.current_task())
    print(len(Task.all_tasks()))
