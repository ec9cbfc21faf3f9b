# asyncmod-runtime: compare
import asyncio

async def cleanup(name):
    await asyncio.sleep(0)
    print("cleanup done", name)

async def worker(name):
    try:
        await asyncio.sleep(10)
    finally:
        asyncio.run(cleanup(name))

coros = []

async def main():
    c = worker("w1")
    coros.append(c)
    asyncio.ensure_future(c)
    await asyncio.sleep(0)
    print("main done")

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
for c in coros:
    c.close()
print("exit")
