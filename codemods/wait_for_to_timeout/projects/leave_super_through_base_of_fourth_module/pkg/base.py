import asyncio

class Base:
    async def run(self):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("base swallowed")
        return "base-done"
