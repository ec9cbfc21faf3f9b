# asyncmod-test: --unsafe-fixes
# Each fan-out's coroutine is awaited where the callers are not followed:
# made a task and awaited later, kept in a variable, inspected in a done
# callback or through `exception()`, or the function handed on as a value
# (to a retry helper, `functools.partial`, a dict of jobs, a method passed
# as `s.work`); or a caller's handler shows the error's type. Under
# `except ValueError` (or printing `type(e).__name__`) each saw `ValueError`
# and would now see the ExceptionGroup a TaskGroup raises. Every program
# below printed something else after `fix --unsafe-fixes` before they were
# left alone. Runs as it is (python3 FILE).
import asyncio
import functools


async def boom():
    await asyncio.sleep(0)
    raise ValueError("bad")


async def ok():
    await asyncio.sleep(0.01)
    return 1


async def made_a_task():
    t1 = asyncio.create_task(boom())
    t2 = asyncio.create_task(ok())
    return await asyncio.gather(t1, t2)  # leave, reported: awaited as a task


async def kept_in_a_variable():
    t1 = asyncio.create_task(boom())
    t2 = asyncio.create_task(ok())
    return await asyncio.gather(t1, t2)  # leave, reported: a kept coroutine


async def handed_to_retry():
    t1 = asyncio.create_task(boom())
    t2 = asyncio.create_task(ok())
    return await asyncio.gather(t1, t2)  # leave, reported: passed as a value


async def gathered_as_a_future():
    t1 = asyncio.create_task(boom())
    t2 = asyncio.create_task(ok())
    return await asyncio.gather(t1, t2)  # leave, reported: ensure_future


async def inspected():
    t1 = asyncio.create_task(boom())
    t2 = asyncio.create_task(ok())
    return await asyncio.gather(t1, t2)  # leave, reported: exception() read


async def in_a_callback():
    t1 = asyncio.create_task(boom())
    t2 = asyncio.create_task(ok())
    return await asyncio.gather(t1, t2)  # leave, reported: done callback


async def partial():
    t1 = asyncio.create_task(boom())
    t2 = asyncio.create_task(ok())
    return await asyncio.gather(t1, t2)  # leave, reported: functools.partial


async def in_a_dict():
    t1 = asyncio.create_task(boom())
    t2 = asyncio.create_task(ok())
    return await asyncio.gather(t1, t2)  # leave, reported: a dict of jobs


async def type_shown():
    t1 = asyncio.create_task(boom())
    t2 = asyncio.create_task(ok())
    return await asyncio.gather(t1, t2)  # leave, reported: type name printed


class Service:
    async def work(self):
        t1 = asyncio.create_task(boom())
        t2 = asyncio.create_task(ok())
        return await asyncio.gather(t1, t2)  # leave, reported: `s.work` passed on

    async def run(self, fn):
        try:
            await fn()
        except ValueError:
            print("method: caught ValueError")


async def retry(fn):
    try:
        return await fn()
    except ValueError:
        return "retry: caught ValueError"


def done(t):
    try:
        t.result()
    except ValueError:
        print("callback: caught ValueError")


async def main():
    t = asyncio.create_task(made_a_task())
    try:
        await t
    except ValueError:
        print("task: caught ValueError")

    coro = kept_in_a_variable()
    try:
        await coro
    except ValueError:
        print("variable: caught ValueError")

    print(await retry(handed_to_retry))

    futures = [asyncio.ensure_future(gathered_as_a_future())]
    try:
        await asyncio.gather(*futures)
    except ValueError:
        print("future: caught ValueError")

    t = asyncio.create_task(inspected())
    await asyncio.wait([t])
    print("inspected:", isinstance(t.exception(), ValueError))

    t = asyncio.create_task(in_a_callback())
    t.add_done_callback(done)
    await asyncio.sleep(0.05)

    runner = functools.partial(partial)
    try:
        await runner()
    except ValueError:
        print("partial: caught ValueError")

    jobs = {"job": in_a_dict}
    try:
        await jobs["job"]()
    except ValueError:
        print("dict: caught ValueError")

    try:
        await type_shown()
    except Exception as e:
        print("shown:", type(e).__name__)

    s = Service()
    await s.run(s.work)


asyncio.run(main())
