# asyncmod-runtime: compare
import asyncio
from app.res import Quiet


async def worker():
    async with Quiet():
        await asyncio.sleep(10)
    return "partial"


async def caller():
    r = await asyncio.wait_for(worker(), 5)
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

