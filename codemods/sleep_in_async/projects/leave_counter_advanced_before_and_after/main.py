# asyncmod-runtime: compare
import asyncio, time
import itertools
IDS = itertools.count()
async def bump(i):
    a = next(IDS)
    time.sleep(0.01)
    b = next(IDS)
    print(i, 'ids', a, b)

async def main():
    await asyncio.gather(bump(0), bump(1), bump(2))
    print('done')

asyncio.run(main())
