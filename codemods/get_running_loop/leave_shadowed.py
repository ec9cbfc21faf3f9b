import asyncio


async def with_parameter(asyncio):
    return asyncio.get_event_loop()  # leave: `asyncio` is a parameter here


def get_event_loop():
    return None


async def local_function():
    return get_event_loop()  # leave: the module's own function, not asyncio's


async def rebound():
    asyncio = FakeAsyncio()
    return asyncio.get_event_loop()  # leave: rebound locally


class FakeAsyncio:
    def get_event_loop(self):
        return None
