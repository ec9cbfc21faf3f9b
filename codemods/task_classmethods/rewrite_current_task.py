"""Request-scoped logging keyed by the running task."""
import asyncio
import logging

log = logging.getLogger(__name__)


async def handle(request):
    task = asyncio.Task.current_task()  # rewrite, safe: the running task either way
    log.info("handling %s in %r", request, task)
    return await process(request)


async def process(request):
    if asyncio.Task.current_task() is None:  # rewrite
        raise RuntimeError("not in a task")
    return request
