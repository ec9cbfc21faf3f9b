# asyncmod-runtime: compare
import asyncio
from app import service


def put(obj):
    set_ = setattr
    set_(obj, "TIMEOUT", 0)


def poke():
    put(service)

async def main():
    q = asyncio.Queue()
    q.put_nowait("job")
    poke()
    try:
        print("took", await service.take(q))
    except TimeoutError:
        print("timeout; queued:", q.qsize())
asyncio.run(main())
