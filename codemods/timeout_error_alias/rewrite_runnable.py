# asyncmod-runtime: compare
import asyncio


async def slow():
    await asyncio.sleep(1)


async def main():
    try:
        await asyncio.wait_for(slow(), 0.01)
    except asyncio.TimeoutError as exc:  # rewrite
        print("caught", type(exc).__name__)
    try:
        async with asyncio.timeout(0.01):
            await slow()
    except (asyncio.TimeoutError, TimeoutError):  # rewrite
        print("caught again")
    print(isinstance(TimeoutError(), asyncio.TimeoutError))  # rewrite


asyncio.run(main())
