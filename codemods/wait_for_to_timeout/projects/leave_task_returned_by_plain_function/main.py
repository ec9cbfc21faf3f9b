# asyncmod-runtime: compare
import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker swallowed")
    return "w"

def start():
    return asyncio.create_task(worker())

async def callee():
    return await start()

async def caller():
    r = await asyncio.wait_for(callee(), 5)
    print('caller went on', r)
    return r

async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.05)
    t.cancel()
    await asyncio.wait([t])
    print("caller cancelled" if t.cancelled() else f"caller result {t.result()!r}")

asyncio.run(main())
