# asyncmod-runtime: compare
import asyncio

from app.stubborn import fetch


async def worker(log):
    # leave: on 3.11 wait_for raises CancelledError here even though fetch()
    # keeps its own; awaited directly, the worker would go on.
    result = await asyncio.wait_for(fetch(), 5)
    log.append(("after", result))


async def main():
    log = []
    task = asyncio.create_task(worker(log))
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
        log.append("task finished")
    except asyncio.CancelledError:
        log.append("task cancelled")
    print(log)


asyncio.run(main())
