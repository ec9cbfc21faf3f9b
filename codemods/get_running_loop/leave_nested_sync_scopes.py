import asyncio


async def serve(executor):
    def in_thread():
        # leave: runs in a worker thread, where no loop runs
        return asyncio.get_event_loop()

    later = lambda: asyncio.get_event_loop()  # leave: a lambda may run anywhere

    class Handler:
        loop = asyncio.get_event_loop()  # leave: a class body nested in the coroutine

    # leave: a generator expression may run after the coroutine returns
    loops = (asyncio.get_event_loop() for _ in range(2))
    return in_thread, later, Handler, loops
