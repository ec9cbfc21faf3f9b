import asyncio, gc

async def cleanup(name):
    await asyncio.sleep(0)
    print("cleanup done", name)

async def worker(name):
    try:
        # rewrite: runs while the loop runs, never on a close
        asyncio.run(cleanup(name))
        await asyncio.sleep(10)
    finally:
        print("worker closed", name)

async def main():
    asyncio.ensure_future(worker("w1"))
    await asyncio.sleep(0)
    print("main done")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
gc.collect()
print("exit")
