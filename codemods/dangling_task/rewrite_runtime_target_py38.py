# asyncmod-test: --unsafe-fixes --target-version py38
# asyncmod-runtime: compare
import asyncio

done = []


async def work(n):
    await asyncio.sleep(0.001 * n)
    done.append(n)


async def main():
    for n in range(5):
        asyncio.create_task(work(n))  # rewrite: `set[...]` cannot run on 3.8, so it is quoted
    await asyncio.sleep(0.05)
    print(sorted(done))


asyncio.run(main())
