import asyncio


def who(loop=None):
    # leave, reported (unsafe fix available): a `None` loop made the class
    # method ask `get_event_loop()`; `asyncio.current_task(None)` raises
    # without a running loop
    return asyncio.Task.current_task(loop)


print(who())
