import asyncio
class Getter:
    async def fetch(self):
        try:
            await asyncio.sleep(0.5)
        except BaseException:
            print("fetch: kept")
        return "partial"
