import asyncio


async def step():
    print("step ran")


async def main():
    step()  # rewrite: the module's own coroutine runs under any library
    asyncio.sleep(0)  # left alone: trio may run this coroutine
