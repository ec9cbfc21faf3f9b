# asyncmod-runtime: compare
import asyncio

from app import service

async def main():
    q = asyncio.Queue()
    q.put_nowait("job")
    pass
    try:
        print("took", await service.take(q))
    except TimeoutError:
        print("timeout; queued:", q.qsize())
asyncio.run(main())
