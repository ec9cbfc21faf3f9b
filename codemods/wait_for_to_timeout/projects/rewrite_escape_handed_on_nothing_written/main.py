# asyncmod-runtime: compare
import asyncio
from app import svc

PLUGINS = {"svc": svc}


def describe(m):
    print("module", m.__name__, m.TIMEOUT)


for mod in PLUGINS.values():
    describe(mod)


async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    print("got", await svc.take(q), "left", q.qsize())


asyncio.run(main())
