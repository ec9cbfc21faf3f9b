# asyncmod-runtime: compare
import asyncio


async def tolerant():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "partial"


async def plain(log):
    try:
        await asyncio.sleep(10)
    finally:
        log.append("plain cleaned up")


async def caller(log):
    # A task of a coroutine that lets its cancellation out: rewritten.
    first = asyncio.create_task(plain(log))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(first, 0.01)
    except TimeoutError:
        log.append("first timed out")
    # A task of one that keeps it: left alone.
    second = asyncio.create_task(tolerant())
    r = await asyncio.wait_for(second, 5)
    log.append(("second", r))


async def main():
    log = []
    t = asyncio.create_task(caller(log))
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
        log.append("caller finished normally")
    except asyncio.CancelledError:
        log.append("caller cancelled")
    print(log)


asyncio.run(main())
