"""A coroutine that keeps a cancellation thrown into it (returns instead of
raising): on Python 3.11 `wait_for` cancels its task, waits for it and still
raises `CancelledError` in the caller; awaited directly under `timeout()`, the
caller's cancellation ends with the coroutine's and the caller goes on.
Run before a rewrite this printed ['task cancelled'], after it
[('after', 'swallowed'), 'still running', 'task finished']."""
import asyncio
import contextlib


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "swallowed"
    return "slept"


async def quiet():
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.sleep(10)


async def converts():
    # The caller would see this error instead of its cancellation.
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise RuntimeError("stopped") from None


async def through_a_helper():
    return await stubborn()


class Client:
    async def read(self):
        try:
            await asyncio.sleep(10)
        finally:
            return b""


async def worker(log, client):
    # leave: each awaited coroutine may keep its cancellation
    result = await asyncio.wait_for(stubborn(), 5)
    await asyncio.wait_for(quiet(), 5)
    await asyncio.wait_for(through_a_helper(), 5)
    data = await asyncio.wait_for(client.read(), 5)
    try:
        await asyncio.wait_for(converts(), 5)
    except RuntimeError:
        return
    log.append(("after", result, data))
    await asyncio.sleep(0)
    log.append("still running")


async def main():
    log = []
    task = asyncio.create_task(worker(log, Client()))
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
        log.append("task finished")
    except asyncio.CancelledError:
        log.append("task cancelled")
    print(log)


asyncio.run(main())
