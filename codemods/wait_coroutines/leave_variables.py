import asyncio


async def prepared(coros, tasks, extra):
    await asyncio.wait(coros)  # leave: built elsewhere
    await asyncio.wait(tasks, timeout=1)  # leave
    await asyncio.wait([*tasks, extra])  # leave: a starred element and a name
    await asyncio.wait(list(coros))  # leave: not a display
