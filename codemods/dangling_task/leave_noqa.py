# asyncmod-test: --unsafe-fixes
import asyncio


async def deliberate(job):
    asyncio.create_task(job())  # noqa: RUF006
    asyncio.create_task(job())  # noqa: AM106
    asyncio.ensure_future(job())  # noqa
