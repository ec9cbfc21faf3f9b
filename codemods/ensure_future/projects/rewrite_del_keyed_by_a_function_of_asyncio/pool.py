import asyncio

_tasks = {("a", asyncio.ensure_future): 1}

def forget(name):
    del _tasks[name, asyncio.ensure_future]
    return len(_tasks)
