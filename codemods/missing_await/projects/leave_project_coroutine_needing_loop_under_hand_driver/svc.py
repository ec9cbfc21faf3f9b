import asyncio

async def notify(msg):
    loop = asyncio.get_running_loop()
    print("notify on", type(loop).__name__, msg)

async def work(items):
    notify("start")
    return sum(items)
