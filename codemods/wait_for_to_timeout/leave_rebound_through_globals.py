"""The awaitable's call writes the timeout's name through `globals()`:
`wait_for(mk(), T)` calls `mk()` first, which sets `T`; `async with
timeout(T)` would read `T` before `mk()` runs."""
import asyncio

T = 5


async def work():
    await asyncio.sleep(0.05)
    return "done"


def mk():
    globals()["T"] = 0.01
    return work()


async def main():
    try:
        result = await asyncio.wait_for(mk(), T)  # leave, reported: `mk()` rebinds `T` first
        print(result)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
