import asyncio

import trio


async def bridge():
    # leave, reported: with trio in the module, no asyncio loop may be running
    return asyncio.get_event_loop()


async def main():
    await trio.sleep(0)
