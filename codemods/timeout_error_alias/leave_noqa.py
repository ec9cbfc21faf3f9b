import asyncio


async def deliberate(feed):
    try:
        return await feed.read()
    except asyncio.TimeoutError:  # noqa: UP041
        return None
    except asyncio.exceptions.TimeoutError:  # noqa: AM103
        return None
