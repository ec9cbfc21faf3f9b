import asyncio


async def fetch(source):
    try:
        return await source.read()
    except (
        asyncio  # leave, reported: a comment inside the reference would be lost
        .TimeoutError
    ):
        return None
