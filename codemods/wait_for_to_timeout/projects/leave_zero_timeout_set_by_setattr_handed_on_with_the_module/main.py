# asyncmod-runtime: compare
import asyncio
from app import service

cleanups = []


def poke():
    cleanups.append((setattr, service, "TIMEOUT", 0))
    for f, *args in cleanups:
        f(*args)

async def main():
    q = asyncio.Queue()
    q.put_nowait("job")
    poke()
    try:
        print("took", await service.take(q))
    except TimeoutError:
        print("timeout; queued:", q.qsize())
asyncio.run(main())
