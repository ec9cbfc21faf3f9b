# asyncmod-runtime: compare
import asyncio, time

async def nap(d):
    time.sleep(d)
    return d

async def main():
    print(await asyncio.gather(nap(0.001), nap(-1), return_exceptions=True))

asyncio.run(main())
