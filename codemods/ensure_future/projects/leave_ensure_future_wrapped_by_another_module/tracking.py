"""Name every background task the service starts (installed at start-up)."""
import asyncio

_ensure_future = asyncio.ensure_future
started = []


def tracked_ensure_future(aw, *, loop=None):
    task = _ensure_future(aw, loop=loop)
    started.append(task.get_coro().__qualname__)
    return task


asyncio.ensure_future = tracked_ensure_future
