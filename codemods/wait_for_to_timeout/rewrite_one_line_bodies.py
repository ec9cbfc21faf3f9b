# asyncmod-runtime: compare
# A one-line body becomes a block of its own (SPEC: expanded into a block).
import asyncio


async def work(x):
    await asyncio.sleep(0)
    return x


async def stuck():
    await asyncio.sleep(10)


async def pick(ready):
    if ready: value = await asyncio.wait_for(work("ready"), 1)  # rewrite
    else: value = await asyncio.wait_for(work("not ready"), timeout=1)  # rewrite
    return value


async def total(items):
    result = 0
    for item in items: result += await asyncio.wait_for(work(item), 1)  # rewrite
    return result


async def guarded():
    try: await asyncio.wait_for(stuck(), 0.01)  # rewrite
    except TimeoutError: return "timed out"
    return "finished"


async def short(x): return await asyncio.wait_for(work(x), 1)  # rewrite


async def main():
    print(await pick(True), await pick(False))
    print(await total([1, 2, 3]))
    print(await guarded())
    print(await short("short"))


asyncio.run(main())
