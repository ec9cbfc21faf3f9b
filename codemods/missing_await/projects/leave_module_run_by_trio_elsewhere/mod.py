import asyncio

async def main():
    asyncio.sleep(0)
    print("main ran")
