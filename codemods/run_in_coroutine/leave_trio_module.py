import asyncio

import trio


async def legacy_report():
    return 1


async def bridge():
    # leave, reported: under trio no asyncio loop runs, and this works
    return asyncio.run(legacy_report())


trio.run(bridge)
