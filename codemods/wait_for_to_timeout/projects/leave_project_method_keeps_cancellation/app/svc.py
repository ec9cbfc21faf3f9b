import asyncio


class Service:
    async def run(self):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "partial"
