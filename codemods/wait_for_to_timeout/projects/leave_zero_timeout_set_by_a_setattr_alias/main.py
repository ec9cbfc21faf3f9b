# asyncmod-runtime: compare
import asyncio
set_ = setattr
from app import service

async def main():
    q = asyncio.Queue()
    q.put_nowait("job")
    set_(service, "TIMEOUT", 0)
    try:
        print("took", await service.take(q))
    except TimeoutError:
        print("timeout; queued:", q.qsize())
asyncio.run(main())
