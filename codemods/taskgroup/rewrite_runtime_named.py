# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def add(a, b):
    await asyncio.sleep(0.002)
    return a + b


async def mul(a, b):
    await asyncio.sleep(0.001)
    return a * b


async def one_by_one():
    total = asyncio.create_task(add(2, 3))
    product = asyncio.create_task(mul(2, 3))
    s = await total  # rewrite
    p = await product
    return s, p


async def gathered():
    first = asyncio.create_task(add(1, 1))
    second = asyncio.create_task(mul(4, 4))
    x, y = await asyncio.gather(first, second)  # rewrite
    return x, y, first.done()


print(asyncio.run(one_by_one()))
print(asyncio.run(gathered()))
