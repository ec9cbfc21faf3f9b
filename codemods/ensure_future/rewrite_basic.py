"""Starts one consumer task per queue."""
import asyncio


async def consume(queue):
    while True:
        item = await queue.get()
        queue.task_done()
        del item


async def start(queues):
    tasks = []
    for queue in queues:
        tasks.append(asyncio.ensure_future(consume(queue)))  # rewrite
    return tasks
