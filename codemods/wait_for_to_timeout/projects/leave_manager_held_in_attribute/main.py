# asyncmod-runtime: compare
import asyncio

class Guard:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return True

class Svc:
    def __init__(self):
        self.guard = Guard()
    async def run(self):
        async with self.guard:
            await asyncio.sleep(1)
        return 1

async def callee():
    return await Svc().run()

async def caller():
    r = await asyncio.wait_for(callee(), 5)
    print('caller went on', r)
    return r

async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.05)
    t.cancel()
    await asyncio.wait([t])
    print("caller cancelled" if t.cancelled() else f"caller result {t.result()!r}")

asyncio.run(main())
