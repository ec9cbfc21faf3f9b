# asyncmod-runtime: compare
import asyncio

async def report(name):
    print("report", name)

async def worker(name):
    try:
        await asyncio.sleep(10)
    finally:
        asyncio.ensure_future(report(name))

jobs = []

async def start():
    c = worker("w1")
    jobs.append(c)
    jobs.append(asyncio.ensure_future(c))
    await asyncio.sleep(0)

async def settle():
    await asyncio.sleep(0.01)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(start())
try:
    jobs[0].close()
except RuntimeError as e:
    print("close failed:", e)
loop.run_until_complete(settle())
print("exit")
