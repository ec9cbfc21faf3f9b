# asyncmod-runtime: compare
import asyncio
from app import service


def poke():
    set_ = setattr
    set_(service, "TIMEOUT", 0)

async def main():
    q = asyncio.Queue()
    q.put_nowait("job")
    poke()
    try:
        print("took", await service.take(q))
    except TimeoutError:
        print("timeout; queued:", q.qsize())
asyncio.run(main())
