import asyncio


async def fetch(key):
    return key


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "kept going"
