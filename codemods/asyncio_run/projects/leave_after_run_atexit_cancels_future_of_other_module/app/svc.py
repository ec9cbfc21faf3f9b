import asyncio, atexit

async def work():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    atexit.register(fut.cancel)
    return 3
