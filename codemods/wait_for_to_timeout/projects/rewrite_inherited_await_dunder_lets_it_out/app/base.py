import asyncio
class Awaitable:
    def __await__(self):
        return self._run().__await__()
    async def _run(self):
        await asyncio.sleep(0.5)
        return "done"
