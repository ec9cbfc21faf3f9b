# asyncmod-runtime: compare
import asyncio
from app import svc, settings

svc.TIMEOUT = 0
settings.TIMEOUT = 0
svc.RETRY_BASE = 0
svc.SCALE = 0


async def main():
    for take in (svc.take, svc.take_either, svc.take_configured, svc.take_retry, svc.take_scaled):
        q = asyncio.Queue()
        q.put_nowait("item")
        try:
            r = await take(q)
            print(take.__name__, "got", r, "left", q.qsize())
        except TimeoutError:
            print(take.__name__, "timeout; left", q.qsize())


asyncio.run(main())
