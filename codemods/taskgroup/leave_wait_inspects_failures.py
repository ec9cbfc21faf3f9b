# asyncmod-test: --unsafe-fixes
import asyncio


async def ok(i):
    await asyncio.sleep(0.01)
    return i


async def bad():
    raise ValueError("boom")


async def report_each():
    tasks = []
    for c in (ok(1), bad(), ok(2)):
        tasks.append(asyncio.create_task(c))
    await asyncio.wait(tasks)  # leave, reported: the code below handles the errors
    for t in tasks:
        if t.exception() is not None:
            print("failed:", t.exception())
        else:
            print("ok:", t.result())


async def count_cancelled(coros):
    tasks = [asyncio.create_task(c) for c in coros]
    await asyncio.wait(tasks)  # leave, reported
    return sum(1 for t in tasks if t.cancelled())


asyncio.run(report_each())
print(asyncio.run(count_cancelled([ok(3), ok(4)])))
