# asyncmod-runtime: compare
import asyncio


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            raise RuntimeError("guard tripped") from exc


async def worker():
    with Guard():
        await asyncio.sleep(10)
    return "done"


async def caller():
    try:
        r = await asyncio.wait_for(worker(), 5)
    except RuntimeError as e:
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

