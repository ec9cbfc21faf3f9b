# The module binds the imported name again through `globals()`.
import asyncio
import queue
from asyncio import Queue

globals()["Queue"] = queue.Queue


async def main():
    q = Queue()
    q.put(1)
    print(q.qsize())


asyncio.run(main())
