# asyncmod-runtime: compare
import asyncio
from contextlib import AsyncExitStack


async def _close():
    raise ConnectionResetError("close failed")


async def worker():
    async with AsyncExitStack() as stack:
        stack.push_async_callback(_close)
        await asyncio.sleep(10)
    return "done"


async def caller():
    try:
        r = await asyncio.wait_for(worker(), 5)
    except ConnectionResetError as e:
        print("caller caught", e)
        return
    print("caller continued with", r)


async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
        print("caller finished normally")
    except asyncio.CancelledError:
        print("caller cancelled")


asyncio.run(main())

