# asyncmod-runtime: compare
import asyncio


class Resource:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        raise ConnectionAbortedError("close failed")


async def worker():
    async with Resource():
        await asyncio.sleep(10)


async def caller():
    try:
        await asyncio.wait_for(worker(), 5)
    except ConnectionAbortedError as e:
        print("caller: aborted", e)
        return
    print("caller continued")


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
