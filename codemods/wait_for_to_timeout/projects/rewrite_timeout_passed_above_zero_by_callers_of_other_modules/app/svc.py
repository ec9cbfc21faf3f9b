import asyncio


class Inbox:
    def __init__(self):
        self.q = asyncio.Queue()

    async def receive(self, timeout=5.0):
        return await asyncio.wait_for(self.q.get(), timeout)


async def take(q, timeout=5):
    return await asyncio.wait_for(q.get(), timeout)


async def take_for(q, budget):
    limit = budget * 2
    return await asyncio.wait_for(q.get(), limit)
