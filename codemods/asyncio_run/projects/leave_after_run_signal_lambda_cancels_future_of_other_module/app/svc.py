import asyncio, signal

async def work():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    signal.signal(signal.SIGUSR1, lambda *a: fut.cancel())
    return 3
