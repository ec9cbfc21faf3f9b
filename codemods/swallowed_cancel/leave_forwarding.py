import asyncio
import sys


async def portal(receive_stream):
    # leave, reported: the exception goes to the caller's future (anyio's blocking portal)
    async for coro, future in receive_stream:
        try:
            retval = await coro
        except BaseException as exc:
            if not future.cancelled():
                future.set_exception(exc)
        else:
            future.set_result(retval)


async def race(coro_fns, exceptions, index):
    # leave, reported: the exception is recorded (asyncio.staggered_race)
    try:
        return await coro_fns[index]()
    except BaseException as e:
        exceptions[index] = e


async def exit_callbacks(callbacks):
    # leave, reported: captured and re-raised after the other callbacks run
    # (contextlib.AsyncExitStack.__aexit__)
    pending = None
    for callback in callbacks:
        try:
            await callback()
        except:
            pending = sys.exc_info()
    if pending:
        raise pending[1]


async def report(handler, work):
    # leave, reported: handed to an exception handler
    try:
        await work()
    except BaseException as exc:
        handler({"message": "work failed", "exception": exc})
