# asyncmod-runtime: compare
import asyncio, time
import collections
Q = collections.deque([0])
async def bump(i):
    n = Q.pop()
    time.sleep(0.01)
    Q.append(n + 1)

async def main():
    await asyncio.gather(bump(0), bump(1), bump(2))
    print('q', list(Q))

asyncio.run(main())
