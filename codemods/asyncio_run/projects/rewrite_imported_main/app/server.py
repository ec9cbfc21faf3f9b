import asyncio


async def main(name):
    await asyncio.sleep(0)
    print(f"served {name}")
    return 0
