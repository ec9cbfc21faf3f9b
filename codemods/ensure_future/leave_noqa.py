import asyncio

from app import work


async def deliberate():
    asyncio.ensure_future(work())  # noqa: AM105
    asyncio.ensure_future(work())  # noqa
