import asyncio


async def handler(event, ready, args):
    if (ready and
            args): await asyncio.wait_for(event.wait(), 1)  # leave, reported: a one-line body under a header over two lines
    if ready: await asyncio.wait_for(event.wait(  # leave, reported: a one-line body over two lines
    ), 1)
    value = await asyncio.wait_for(event.wait(), 1); print(value)  # leave, reported: shares its line
    await asyncio.wait_for(event.wait(), 1)  # noqa: AM003 (leave: suppressed)
    await asyncio.wait_for(*args)  # leave, reported: unpacked arguments
    await asyncio.wait_for(event.wait(), timeout=1, loop=None)  # leave, reported: `loop=` argument
    await asyncio.wait_for(event.wait(), 1 +  # leave, reported: the timeout spans lines
                           2)
    # leave, reported: a body a backslash puts on the header's logical line
    if ready: \
        value = await asyncio.wait_for(event.wait(), 1)
    for arg in args: \
        await asyncio.wait_for(event.wait(), arg)
