import asyncio

# leave: references that are not calls
ALL_TASKS = asyncio.Task.all_tasks


async def lookup():
    current = getattr(asyncio.Task, "current_task")  # leave
    return current, ALL_TASKS
