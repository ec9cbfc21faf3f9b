import asyncio


async def inner():
    asyncio.get_running_loop()
    return 5


async def main():
    # Under trio no asyncio loop runs: `asyncio.run` works, and an `await`
    # of `inner()` would find no loop.
    print("result", asyncio.run(inner()))
