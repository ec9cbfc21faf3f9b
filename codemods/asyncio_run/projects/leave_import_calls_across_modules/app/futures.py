import asyncio


def future():
    return asyncio.get_event_loop().create_future()
