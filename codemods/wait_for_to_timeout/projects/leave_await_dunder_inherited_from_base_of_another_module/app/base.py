import asyncio
class Awaitable:
    def __await__(self):
        return self._run().__await__()
    async def _run(self):
        try:
            await asyncio.sleep(0.5)
        except asyncio.CancelledError:
            print("op: cancelled, keeping it")
            return "partial"
        return "done"
