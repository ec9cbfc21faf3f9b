import asyncio

async def work():
    print("start")
    asyncio.sleep(0.01)
    print("end")
    return 42
