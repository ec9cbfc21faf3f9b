import asyncio


class StatusClient:
    def __init__(self, transport, timeout):
        self.transport = transport
        self.timeout = timeout

    async def ping(self):
        await asyncio.wait_for(self.transport.send(b"PING"), 2)  # rewrite: expression statement

    async def status(self):
        reply = await asyncio.wait_for(self.transport.receive(), self.timeout)  # rewrite: assignment
        return reply.decode()

    async def close(self):
        return await asyncio.wait_for(self.transport.close(), timeout=5.0)  # rewrite: return
