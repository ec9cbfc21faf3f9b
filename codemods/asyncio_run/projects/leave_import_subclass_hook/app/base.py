import asyncio


class Plugin:
    def __init_subclass__(cls):
        loop = asyncio.get_event_loop()
        cls.ready = loop.create_future()
        loop.call_soon(cls.ready.set_result, cls.__name__)
