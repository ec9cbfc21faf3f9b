import asyncio


async def poll(source):
    try:
        await source.fetch()
    except:  # leave, reported: the fix is unsafe
        pass
