# asyncmod-test: --unsafe-fixes
import asyncio


async def ok(i):
    await asyncio.sleep(0.05)
    return i


async def bad():
    await asyncio.sleep(0.001)
    raise ValueError("boom")


async def read_in_the_handler():
    try:
        tasks = []
        for c in (ok(1), bad(), ok(2)):
            tasks.append(asyncio.create_task(c))
        await asyncio.gather(*tasks)
    except Exception as e:
        # leave, reported: `gather` left the other tasks running here, a
        # TaskGroup would have cancelled them (and raised an ExceptionGroup)
        print(type(e).__name__, [t.done() for t in tasks], [t.cancelled() for t in tasks])
    await asyncio.sleep(0.1)


async def read_after_the_try():
    try:
        tasks = []
        for c in (ok(1), bad(), ok(2)):
            tasks.append(asyncio.create_task(c))
        await asyncio.gather(*tasks)
    except BaseException:
        pass
    print(sum(1 for t in tasks if t.done()))  # leave, reported: may follow a failed wait
    await asyncio.sleep(0.1)


async def read_after_a_failed_iteration():
    for j in range(2):
        try:
            tasks = [asyncio.create_task(c) for c in (ok(j), bad())]
            await asyncio.gather(*tasks)
        except Exception:
            pass
        print(j, [t.done() for t in tasks])  # leave, reported
    await asyncio.sleep(0.1)


async def cancel_result_used_in_finally():
    try:
        t1 = asyncio.create_task(ok(1))
        t2 = asyncio.create_task(bad())
        await asyncio.gather(t1, t2)
    finally:
        if t1.cancel():  # leave, reported: only a bare `t.cancel()` is fine here
            print("had to cancel")


async def main():
    await read_in_the_handler()
    await read_after_the_try()
    await read_after_a_failed_iteration()
    try:
        await cancel_result_used_in_finally()
    except ValueError as e:
        print("raised", e)


asyncio.run(main())
