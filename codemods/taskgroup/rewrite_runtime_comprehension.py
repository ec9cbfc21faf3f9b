# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def square(n):
    await asyncio.sleep(0.001 * (5 - n))  # later numbers finish first
    return n * n


async def main():
    tasks = [asyncio.create_task(square(n)) for n in range(5)]  # rewrite
    squares = await asyncio.gather(*tasks)
    print(squares)  # in the order of the tasks, whatever finished first


asyncio.run(main())
