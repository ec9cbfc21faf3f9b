# The module replaces asyncio's class with one that still takes `loop`:
# `asyncio.Queue` is not asyncio's own here, so `loop=` stays.
import asyncio


class CompatQueue(asyncio.Queue):
    def __init__(self, maxsize=0, *, loop=None):
        super().__init__(maxsize)
        self.bound_loop = loop


asyncio.Queue = CompatQueue


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue(loop=loop)
    print(queue.bound_loop is loop)


asyncio.run(main())
