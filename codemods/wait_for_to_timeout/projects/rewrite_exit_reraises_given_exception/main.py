# asyncmod-runtime: compare
import asyncio


class Resource:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if exc is not None:
            raise exc
        return False


async def worker():
    async with Resource():
        await asyncio.sleep(10)
    return "done"


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

