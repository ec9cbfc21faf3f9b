import asyncio

async def fetch():
    return 1

async def run():
    print("refresh")
    return asyncio.run(fetch())
