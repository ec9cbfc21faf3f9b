class Connection:
    def __init__(self, transport):
        self.transport = transport
        self.buffer = []

    async def flush(self):
        for chunk in self.buffer:
            await self.transport.write(chunk)
        self.buffer.clear()

    @staticmethod
    async def pause():
        return None

    async def close(self):
        self.flush()  # rewrite: an async method of this class
        self.pause()  # rewrite: a static async method is a coroutine function too
        await self.transport.close()
