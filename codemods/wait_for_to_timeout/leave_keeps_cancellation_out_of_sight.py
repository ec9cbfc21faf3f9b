"""Coroutines that keep a cancellation, awaited through something the
analysis cannot follow (an alias, a decorator, a dictionary, a task, a
parameter), and a `finally:` that raises another exception. On Python 3.11
`wait_for` still raises `CancelledError` in a cancelled caller; awaited
directly, the caller would go on (or see the other exception)."""
import asyncio
import functools


async def tolerant():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "partial"


job = tolerant
HANDLERS = {"work": tolerant}


def never_cancel(fn):
    @functools.wraps(fn)
    async def wrapper():
        return await fn()

    return wrapper


@never_cancel
async def decorated():
    return await tolerant()


async def aborts():
    done = False
    try:
        await asyncio.sleep(10)
        done = True
    finally:
        if not done:
            raise ConnectionAbortedError("interrupted")


async def run_limited(fn):
    # leave: fn may be a coroutine function that keeps its cancellation
    return await asyncio.wait_for(fn(), 5)


async def caller(log):
    # leave: each awaitable may reach `tolerant`
    first = await asyncio.wait_for(job(), 5)
    second = await asyncio.wait_for(HANDLERS["work"](), 5)
    third = await asyncio.wait_for(decorated(), 5)
    task = asyncio.create_task(tolerant())
    fourth = await asyncio.wait_for(task, 5)
    log.append((first, second, third, fourth))
    log.append(await run_limited(tolerant))
    try:
        # leave: the `finally:` turns the cancellation into another error
        await asyncio.wait_for(aborts(), 5)
    except ConnectionAbortedError:
        log.append("aborted")
    log.append("caller went on")


async def main():
    log = []
    task = asyncio.create_task(caller(log))
    await asyncio.sleep(0.05)
    task.cancel()
    try:
        await task
        log.append("caller finished")
    except asyncio.CancelledError:
        log.append("caller cancelled")
    print(log)


asyncio.run(main())
