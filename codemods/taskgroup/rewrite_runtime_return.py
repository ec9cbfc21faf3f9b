# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def check(n):
    await asyncio.sleep(0.001)
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n % 2 == 0


async def all_even(numbers):
    tasks = [asyncio.create_task(check(n)) for n in numbers]
    return await asyncio.gather(*tasks)  # rewrite


async def main():
    print(await all_even([1, 2, 3, 4]))
    try:
        await all_even([1, -2, 3])
    except Exception:  # an ExceptionGroup after the rewrite: still an Exception
        print("a check failed")


asyncio.run(main())
