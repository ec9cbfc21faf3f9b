# The module replaces asyncio's class: `q` is a thread queue, whose `put` is plain.
import asyncio
import queue

asyncio.Queue = queue.Queue


async def main():
    q = asyncio.Queue()
    q.put(1)
    print(q.qsize())


asyncio.run(main())
