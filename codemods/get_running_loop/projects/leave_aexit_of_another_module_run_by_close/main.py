# asyncmod-runtime: compare
import asyncio
from lease import Lease

async def worker():
    async with Lease("db"):
        await asyncio.sleep(10)

coros = []

async def main():
    c = worker()
    coros.append(c)
    asyncio.ensure_future(c)
    await asyncio.sleep(0)
    print("main done")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
for c in coros:
    try:
        c.close()
        print("closed")
    except RuntimeError as e:
        print("close failed:", e)
