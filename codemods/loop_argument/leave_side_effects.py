import asyncio

from app.runtime import pick_loop


async def effects(loops, factory):
    await asyncio.sleep(1, loop=pick_loop())  # leave, reported: a call of ours
    lock = asyncio.Lock(loop=loops[0])  # leave, reported: a subscript may run code
    queue = asyncio.Queue(loop=factory.make())  # leave, reported
    event = asyncio.Event(loop=(yield_loop := loops.pop()))  # leave, reported
    return lock, queue, event, yield_loop
