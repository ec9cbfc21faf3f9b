# asyncmod-test: --unsafe-fixes
import asyncio


def pending_count(loop):
    # rewrite: with the loop given, outside a coroutine is fine
    return len(asyncio.Task.all_tasks(loop))


def running_task(loop):
    return asyncio.Task.current_task(loop=loop)  # rewrite, safe
