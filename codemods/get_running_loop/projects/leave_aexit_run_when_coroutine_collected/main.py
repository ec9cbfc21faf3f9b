# asyncmod-runtime: compare
import asyncio, gc

class Lease:
    async def __aenter__(self):
        return self

    async def __aexit__(self, typ, exc, tb):
        loop = asyncio.get_event_loop()
        print("lease released", "(loop closed)" if loop.is_closed() else "(loop open)")

async def worker():
    async with Lease():
        await asyncio.sleep(10)

async def main():
    asyncio.ensure_future(worker())
    await asyncio.sleep(0)
    print("main done")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
gc.collect()
print("exit")
