# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio

finished = []


async def work(n):
    await asyncio.sleep(0.01 * n)
    finished.append(n)


async def main():
    for n in range(3):
        asyncio.create_task(work(n))  # rewrite
    await asyncio.sleep(0.2)
    print(sorted(finished))


asyncio.run(main())
