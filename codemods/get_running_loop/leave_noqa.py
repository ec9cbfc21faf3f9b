import asyncio


async def deliberate():
    first = asyncio.get_event_loop()  # noqa
    second = asyncio.get_event_loop()  # noqa: AM101
    return first, second
