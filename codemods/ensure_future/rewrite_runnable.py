# asyncmod-runtime: compare
import asyncio


async def square(n):
    await asyncio.sleep(0.01 * (3 - n))
    return n * n


async def main():
    tasks = [asyncio.ensure_future(square(n)) for n in range(3)]  # rewrite
    print(type(tasks[0]).__name__, [await t for t in tasks])
    single = asyncio.ensure_future(square(5))  # rewrite
    print(await single)


asyncio.run(main())
