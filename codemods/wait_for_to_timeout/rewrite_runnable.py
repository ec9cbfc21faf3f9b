# asyncmod-runtime: compare
import asyncio


async def compute(x):
    await asyncio.sleep(0)
    return x * 2


async def stuck():
    await asyncio.sleep(10)


async def main():
    value = await asyncio.wait_for(compute(21), timeout=1)  # rewrite
    print("value", value)
    try:
        await asyncio.wait_for(stuck(), 0.01)  # rewrite: times out
    except TimeoutError:
        print("timed out")
    total = 0
    for i in range(3):
        total += await asyncio.wait_for(compute(i), 1)  # rewrite: augmented
    print("total", total)
    return await asyncio.wait_for(compute(total), None)  # rewrite: no timeout


print(asyncio.run(main()))
