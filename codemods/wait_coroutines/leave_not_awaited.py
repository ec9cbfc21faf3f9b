import asyncio


async def later(a, b):
    waiter = asyncio.wait([a(), b()])  # leave: the tasks would start before the wait
    return await waiter


def main(a, b):
    loop = asyncio.new_event_loop()
    # leave: no running loop here for `create_task`
    return loop.run_until_complete(asyncio.wait([a(), b()]))
