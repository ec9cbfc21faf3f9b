# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def flaky(n):
    await asyncio.sleep(0)
    if n % 2:
        raise ValueError(n)
    return n


async def safe(n):
    try:
        return await flaky(n)
    except:  # rewrite: nothing is cancelled here, so nothing changes
        return -1


async def main():
    print(await asyncio.gather(*(safe(n) for n in range(4))))


asyncio.run(main())
