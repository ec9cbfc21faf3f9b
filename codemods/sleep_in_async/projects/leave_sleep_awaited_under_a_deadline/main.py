# asyncmod-runtime: compare
# A coroutine that blocks on purpose, awaited under a short deadline (as
# async_timeout's own test does): the deadline fires only after the
# blocking sleep, and the result is kept.
import asyncio
import time


async def long_running_task():
    time.sleep(0.1)
    return "done"


async def step():
    time.sleep(0.1)
    return "stepped"


async def steps():
    return await step()


async def main():
    try:
        async with asyncio.timeout(0.01):
            result = await long_running_task()
        print("result", result)
    except TimeoutError as e:
        print("TimeoutError", repr(e))
    try:
        print("result", await asyncio.wait_for(steps(), 0.01))
    except TimeoutError as e:
        print("TimeoutError", repr(e))


asyncio.run(main())
