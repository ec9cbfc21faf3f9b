import asyncio

_queue = None


async def work():
    global _queue
    if _queue is None:
        _queue = asyncio.Queue()
    asyncio.get_running_loop().call_later(0.01, _queue.put_nowait, "item")
    item = await _queue.get()
    return f"{item}"
