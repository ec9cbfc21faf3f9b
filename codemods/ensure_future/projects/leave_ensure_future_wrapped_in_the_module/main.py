# asyncmod-runtime: compare
import asyncio

_ensure_future = asyncio.ensure_future
started = []


def tracked_ensure_future(aw, *, loop=None):
    task = _ensure_future(aw, loop=loop)
    started.append(task.get_coro().__qualname__)
    return task


asyncio.ensure_future = tracked_ensure_future


async def refresh():
    await asyncio.sleep(0)
    return "refreshed"


async def main():
    t = asyncio.ensure_future(refresh())
    print(await t, "tracked:", started)

asyncio.run(main())
