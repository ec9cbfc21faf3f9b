# asyncmod-runtime: compare
import asyncio, time
LOG = []
async def bump(i):
    LOG.append(i)
    time.sleep(0.01)
    print(i, 'seen', len(LOG))

async def main():
    await asyncio.gather(bump(0), bump(1), bump(2))
    print('done')

asyncio.run(main())
