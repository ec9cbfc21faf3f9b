# asyncmod-runtime: compare
import asyncio, time
import random
random.seed(7)
async def bump(i):
    a = random.randint(0, 99)
    time.sleep(0.01)
    b = random.randint(0, 99)
    print(i, 'rand', a, b)

async def main():
    await asyncio.gather(bump(0), bump(1), bump(2))
    print('done')

asyncio.run(main())
