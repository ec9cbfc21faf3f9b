# asyncmod-runtime: compare
import asyncio

import app.svc as svc
from app import settings

settings.reset()
# Every write of the attribute through the loop gives a number above zero.
for m in (svc,):
    m.TIMEOUT = 3


async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    q.put_nowait("other")
    print("got", await svc.take(q), "left", q.qsize())
    print("got", await svc.take_configured(q), "left", q.qsize())


asyncio.run(main())
