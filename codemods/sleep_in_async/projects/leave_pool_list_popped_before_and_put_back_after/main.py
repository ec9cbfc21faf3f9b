# asyncmod-runtime: compare
import asyncio, time
POOL = ['conn-a']
async def bump(i):
    conn = POOL.pop()
    time.sleep(0.01)
    print(i, 'used', conn)
    POOL.append(conn)

async def main():
    await asyncio.gather(bump(0), bump(1), bump(2))
    print('pool', POOL)

asyncio.run(main())
