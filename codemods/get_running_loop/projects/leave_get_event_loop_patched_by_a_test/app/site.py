import asyncio


class Site:
    def __init__(self):
        self.server = None

    async def start(self, handler, port):
        loop = asyncio.get_event_loop()
        self.server = await loop.create_server(handler, "127.0.0.1", port)
