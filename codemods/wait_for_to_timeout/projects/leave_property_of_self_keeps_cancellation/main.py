# asyncmod-runtime: compare
import asyncio


class Service:
    async def _run(self):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "partial"

    @property
    def job(self):
        return self._run()

    async def caller(self):
        r = await asyncio.wait_for(self.job, 5)
        print("caller continued with", r)


async def caller():
    await Service().caller()


async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
        print("caller finished normally")
    except asyncio.CancelledError:
        print("caller cancelled")


asyncio.run(main())

