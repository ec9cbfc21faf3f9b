# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def work(i):
    await asyncio.sleep(0.001 * (3 - i))
    return i * 2


async def reads_results():
    tasks = [asyncio.create_task(work(i)) for i in range(3)]  # rewrite
    await asyncio.gather(*tasks)
    for t in tasks:
        print(t.result(), t.done(), t.cancelled(), t.exception())
    print(len(tasks), sum(t.result() for t in tasks), tasks[0].done())
    for i, t in enumerate(tasks):
        print(i, await t)
    for label, t in zip("abc", tasks):
        print(label, t.result())


async def awaits_twice():
    t1 = asyncio.create_task(work(1))  # rewrite
    t2 = asyncio.create_task(work(2))
    r1 = await t1
    r2 = await t2
    again = await t1
    print(r1, r2, again)


async def cancels_in_finally():
    try:
        t1 = asyncio.create_task(work(1))  # rewrite: a bare cancel() of a done task is fine
        t2 = asyncio.create_task(work(2))
        results = await asyncio.gather(t1, t2)
        print(results)
    finally:
        t1.cancel()
        t2.cancel()


async def reads_in_else():
    try:
        tasks = [asyncio.create_task(work(i)) for i in range(3)]  # rewrite
        await asyncio.gather(*tasks)
    except Exception:
        print("failed")
    else:
        print([t.result() for t in tasks])


async def wait_then_results():
    tasks = []
    for i in range(3):  # rewrite: result() raises either way, no exception() asked
        tasks.append(asyncio.create_task(work(i)))
    await asyncio.wait(tasks)
    print([t.result() for t in tasks], all(t.done() for t in tasks))


async def main():
    await reads_results()
    await awaits_twice()
    await cancels_in_finally()
    await reads_in_else()
    await wait_then_results()


asyncio.run(main())
