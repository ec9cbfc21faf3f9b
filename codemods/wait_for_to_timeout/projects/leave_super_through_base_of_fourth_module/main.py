# asyncmod-runtime: compare
import asyncio
from pkg.worker import Worker


async def caller():
    r = await asyncio.wait_for(Worker().run(), 5)
    print('caller went on', r)
    return r

async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.05)
    t.cancel()
    await asyncio.wait([t])
    print("caller cancelled" if t.cancelled() else f"caller result {t.result()!r}")

asyncio.run(main())
