# asyncmod-test: --unsafe-fixes
# Handlers that ask whether a cancellation is under way by other means than
# the exception's type decide about it themselves.
import asyncio
import traceback


async def graceful():
    try:
        await asyncio.sleep(10)
    except BaseException:  # leave, reported: asks the task
        if asyncio.current_task().cancelling():
            print("shutting down gracefully")
            return "graceful"
        print("failed")
        return "failed"


async def quiet():
    try:
        await asyncio.sleep(10)
    except:  # leave, reported: matches the traceback's text
        if "CancelledError" in traceback.format_exc():
            return "cancelled quietly"
        return "error"


async def consume(t):
    try:
        return await t
    except BaseException:  # leave, reported: asks the child task
        if t.cancelled():
            return "child was cancelled"
        return "child failed"


async def child():
    await asyncio.sleep(10)


async def main():
    for job in (graceful, quiet):
        t = asyncio.create_task(job())
        await asyncio.sleep(0.01)
        t.cancel()
        try:
            print(await t)
        except asyncio.CancelledError:
            print("cancelled")
    t = asyncio.create_task(child())
    await asyncio.sleep(0.01)
    t.cancel()
    print(await consume(t))


asyncio.run(main())
