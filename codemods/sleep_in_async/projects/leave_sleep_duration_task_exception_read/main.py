# asyncmod-runtime: compare
import asyncio, time

async def nap(d):
    time.sleep(d)
    return d

async def main():
    t = asyncio.create_task(nap(-1))
    await asyncio.wait([t])
    print('exc', type(t.exception()).__name__)

asyncio.run(main())
