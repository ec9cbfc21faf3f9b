# asyncmod-runtime: compare
# The deadline is around other work: the sleeping coroutine is awaited
# with none.
import asyncio
import time


async def long_running_task():
    time.sleep(0.05)
    return "done"


async def quick():
    await asyncio.sleep(0)
    return "quick"


async def main():
    async with asyncio.timeout(5):
        print("result", await quick())
    print("result", await asyncio.wait_for(quick(), 5))
    print("result", await long_running_task())


asyncio.run(main())
