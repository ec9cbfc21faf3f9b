# asyncmod-test: --unsafe-fixes
import asyncio

_background_tasks = set()


async def handle(request):
    # leave: what the fix produces is not dangling any more
    task = asyncio.create_task(audit(request))
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return "ok"


async def audit(request):
    pass
