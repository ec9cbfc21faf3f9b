# asyncmod-test: --unsafe-fixes
import asyncio


async def layouts(worker, items):
    asyncio.create_task(  # rewrite: a call over several lines
        worker.run(items),
    )
    for item in items:
        asyncio.create_task(worker.handle(item))  # rewrite: in a loop
    try:
        asyncio.get_event_loop().create_task(worker.flush())  # rewrite
    finally:
        pass
