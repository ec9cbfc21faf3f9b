# asyncmod-runtime: compare
import asyncio, gc

LOCKS = {"db": True}

async def flush(name):
    await asyncio.sleep(0)
    print("flushed", name)

def release(name):
    LOCKS[name] = False
    print("released", name)

async def worker(name):
    try:
        await asyncio.sleep(10)
    finally:
        flush(name)
        release(name)

async def main():
    asyncio.ensure_future(worker("db"))
    await asyncio.sleep(0)
    print("main done")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
gc.collect()
print("locks", LOCKS)
