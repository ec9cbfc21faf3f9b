# asyncmod-test: --unsafe-fixes
# A `CancelledError` that is not this coroutine's own cancellation: awaiting
# a task or future that other code cancelled raises it in the awaiting
# coroutine, which is not cancelled itself. Re-raising it would end the
# coroutine where the handler used to take over.
import asyncio


async def worker():
    await asyncio.sleep(10)
    return "data"


async def fetch_or_default(task):
    try:
        result = await task
    except:  # leave, reported: the task may be cancelled elsewhere
        result = "default"
    return result


async def stop_child(t):
    t.cancel()
    try:
        await t
    except BaseException:  # leave, reported
        print("worker stopped")
    print("stop_child continues")


async def produce(q, coro):
    try:
        v = await coro
        q.put_nowait(("ok", v))
    except:  # leave, reported: an awaitable passed in
        q.put_nowait(("err", None))


async def bad():
    raise asyncio.CancelledError()


async def inner():
    await asyncio.sleep(0.01)
    raise asyncio.CancelledError()


async def job():
    try:
        await inner()
    except:  # leave, reported: the module's coroutine raises it itself
        return "inner gave up"


async def gathered(tasks):
    try:
        return await asyncio.gather(*tasks)
    except BaseException:  # leave, reported: gather passes a child's cancellation on
        return "some child was cancelled"


async def shielded(task):
    try:
        return await asyncio.shield(task)
    except BaseException:  # leave, reported
        return "the shielded task was cancelled"


async def with_deadline(task):
    try:
        return await asyncio.wait_for(task, 5)
    except BaseException:  # leave, reported
        return "the task was cancelled"


async def wait_all(tasks):
    return await asyncio.gather(*tasks)


async def supervise(tasks):
    try:
        await wait_all(tasks)
    except BaseException:  # leave, reported: the coroutine it calls gathers tasks
        return "a worker stopped"


class Conn:
    def __init__(self):
        self._waiter = asyncio.get_running_loop().create_future()

    async def wait_closed(self):
        return await self._waiter


async def watch(conn):
    try:
        await conn.wait_closed()
    except:  # leave, reported: the method of that name awaits a future
        return "closed abruptly"
    return "closed"


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    t.cancel()
    print("got", await fetch_or_default(t))

    await stop_child(asyncio.create_task(worker()))

    q = asyncio.Queue()
    await produce(q, bad())
    print(q.get_nowait())

    print(await job())

    for wait in (gathered, shielded, with_deadline):
        t = asyncio.create_task(worker())
        await asyncio.sleep(0)
        t.cancel()
        print(await wait([t] if wait is gathered else t))

    tasks = [asyncio.create_task(worker()) for _ in range(2)]
    await asyncio.sleep(0)
    tasks[0].cancel()
    print(await supervise(tasks))
    tasks[1].cancel()

    conn = Conn()
    t = asyncio.create_task(watch(conn))
    await asyncio.sleep(0)
    conn._waiter.cancel()
    print(await t)


asyncio.run(main())
