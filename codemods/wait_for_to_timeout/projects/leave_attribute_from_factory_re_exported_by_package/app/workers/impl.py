import asyncio
class Worker:
    async def go(self):
        try:
            await asyncio.sleep(0.5)
        except asyncio.CancelledError:
            print("worker: cancelled, keeping it")
            return "partial"
        return "done"
