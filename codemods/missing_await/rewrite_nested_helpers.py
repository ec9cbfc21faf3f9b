import asyncio


def build(queue):
    async def drain():
        while not queue.empty():
            queue.get_nowait()

    async def run():
        drain()  # rewrite: the helper is an `async def` defined right here
        await asyncio.sleep(0)

    return run
