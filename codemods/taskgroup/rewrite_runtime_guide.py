# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what


async def guide():
    task1 = asyncio.create_task(say_after(0.02, "hello"))
    task2 = asyncio.create_task(say_after(0.04, "world"))
    print("started")
    await asyncio.sleep(0.01)
    print("slept")
    await task1  # rewrite: the guides' own example
    await task2
    print("finished", task1.result(), task2.result())


async def list_of_tasks():
    tasks = [asyncio.create_task(say_after(0.01, "a")), asyncio.create_task(say_after(0, "b"))]
    results = await asyncio.gather(*tasks)  # rewrite
    return results


async def inline():
    return await asyncio.gather(*[asyncio.create_task(say_after(0.001 * i, i)) for i in range(3)])


async def inline_generator():
    values = await asyncio.gather(*(asyncio.create_task(say_after(0, i)) for i in range(4) if i))
    return values


async def inline_unused():
    await asyncio.gather(*[asyncio.create_task(say_after(0, c)) for c in "pq"])  # rewrite


async def numbers():
    for i in range(3):
        await asyncio.sleep(0)
        yield i


async def async_comprehension():
    tasks = [asyncio.create_task(say_after(0.001 * i, f"n{i}")) async for i in numbers()]
    return await asyncio.gather(*tasks)  # rewrite


async def on_the_running_loop():
    loop = asyncio.get_running_loop()
    tasks = [loop.create_task(say_after(0, x)) for x in "xy"]
    await asyncio.wait(tasks)  # rewrite
    return sorted(t.result() for t in tasks)


async def main():
    await guide()
    print(await list_of_tasks())
    print(await inline())
    print(await inline_generator())
    await inline_unused()
    print(await async_comprehension())
    print(await on_the_running_loop())


asyncio.run(main())
