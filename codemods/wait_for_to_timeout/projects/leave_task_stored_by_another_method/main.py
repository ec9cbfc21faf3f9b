# asyncmod-runtime: compare
import asyncio
from pkg.c import h

class Svc:
    def start(self):
        self.t = asyncio.create_task(h())
    async def go(self):
        return await self.t

async def caller():
    s = Svc()
    s.start()
    r = await asyncio.wait_for(s.go(), 5)
    print('caller went on', r)
    return r

async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.05)
    t.cancel()
    await asyncio.wait([t])
    print("caller cancelled" if t.cancelled() else f"caller result {t.result()!r}")

asyncio.run(main())
