import asyncio


async def load():
    return asyncio.run(compute())  # leave: the project's asyncio.run


def compute():
    return 1
