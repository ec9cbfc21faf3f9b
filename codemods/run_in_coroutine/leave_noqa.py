import asyncio


async def main(job):
    asyncio.run(job())  # noqa
    asyncio.run(job())  # noqa: AM104
