import asyncio


async def low_level(loop, coro, concurrent_future):
    fut = asyncio.ensure_future(coro, loop=loop)  # leave: still takes `loop`
    handle = asyncio.run_coroutine_threadsafe(coro, loop=loop)  # leave
    wrapped = asyncio.wrap_future(concurrent_future, loop=loop)  # leave
    future = asyncio.Future(loop=loop)  # leave
    task = asyncio.Task(coro, loop=loop)  # leave
    pending = asyncio.all_tasks(loop=loop)  # leave
    current = asyncio.current_task(loop=loop)  # leave
    reader = asyncio.StreamReader(loop=loop)  # leave
    loop.call_later(1, print, "tick")  # leave: loop methods
    await loop.sock_connect(None, ("localhost", 80))  # leave
    return fut, handle, wrapped, future, task, pending, current, reader
