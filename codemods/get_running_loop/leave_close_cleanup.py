# A coroutine closed outside its loop runs its cleanup with no loop running:
# `get_running_loop()` would raise there, printed as ignored, and skip the
# rest of the cleanup.
import asyncio
import gc

tasks = []


async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        loop = asyncio.get_event_loop()
        print("cleanup on", type(loop).__name__)


async def main():
    tasks.append(asyncio.ensure_future(worker()))
    await asyncio.sleep(0.01)


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
tasks.clear()
gc.collect()
print("end")
