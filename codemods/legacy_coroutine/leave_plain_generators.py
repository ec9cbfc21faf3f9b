import asyncio


def chunks(items, size):
    # leave: a plain generator, not a coroutine
    for start in range(0, len(items), size):
        yield from items[start:start + size]


async def native():
    await asyncio.sleep(0)  # leave: already native
