# asyncmod-runtime: compare
import asyncio
from app import svc


class Client:
    TIMEOUT = 5


def force(obj, v):
    # Writes an attribute so named, on objects; the module is never one.
    obj.TIMEOUT = v


force(Client(), 0)
print("limit", svc.TIMEOUT + 1)


async def main():
    q = asyncio.Queue()
    q.put_nowait("item")
    print("got", await svc.take(q), "left", q.qsize())


asyncio.run(main())
