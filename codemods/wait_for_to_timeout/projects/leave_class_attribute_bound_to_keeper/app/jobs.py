import asyncio
async def _keep(self):
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print("svc: kept cancellation")
    return "partial"
class Svc:
    handler = _keep
    async def run(self):
        return await self.handler()
async def job():
    return await Svc().run()
