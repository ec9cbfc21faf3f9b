import asyncio


async def main(job):
    asyncio.run(  # leave, reported: the comment would be lost
        job()
    )
    asyncio.run(job())  # noqa: AM104
