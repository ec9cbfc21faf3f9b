import asyncio
class Worker:
    async def go(self):
        await asyncio.sleep(0.5)
        return "done"
