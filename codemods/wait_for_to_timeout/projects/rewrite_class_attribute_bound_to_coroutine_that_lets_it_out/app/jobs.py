import asyncio


async def _work(self):
    try:
        await asyncio.sleep(0.5)
    finally:
        print("svc: cleanup")
    return "partial"


class Svc:
    handler = _work

    async def run(self):
        return await self.handler()


async def job():
    return await Svc().run()
