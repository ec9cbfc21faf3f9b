import asyncio


async def ping():
    pass


async def pong():
    pass


async def later():
    waiter = asyncio.wait([ping(), pong()])  # leave: the tasks would start before the wait
    return await waiter


def main():
    loop = asyncio.new_event_loop()
    # leave: no running loop here for `create_task`
    return loop.run_until_complete(asyncio.wait([ping(), pong()]))
