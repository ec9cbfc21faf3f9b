import asyncio


async def refresh():
    print("refresh ran (expensive)")
    return "new"


async def get_value():
    return asyncio.run(refresh())
