import asyncio


async def drain(queues):
    for queue in queues:
        while not queue.empty():
            try:
                item = queue.get_nowait()
            except asyncio.QueueEmpty:
                break
            with item.lock:
                loop = asyncio.get_event_loop()  # rewrite
                loop.call_soon(item.done)
    # rewrite: a list comprehension runs in the coroutine
    return [asyncio.get_event_loop() for _ in queues]


def factory():
    async def inner():
        return asyncio.get_event_loop()  # rewrite: the nested def is a coroutine

    return inner


class Pool:
    async def __aenter__(self):
        self.loop = asyncio.get_event_loop()  # rewrite
        return self
