import asyncio


async def refresh():
    print("refresh ran (expensive)")
    return "new"


async def _inner():
    return asyncio.run(refresh())


async def get_value():
    return await _inner()
