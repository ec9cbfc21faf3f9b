# The class replaced through `sys.modules` and `importlib.import_module`.
import asyncio
import queue
import sys
import importlib

sys.modules["asyncio"].Queue = queue.Queue
importlib.import_module("asyncio").Queue = queue.Queue


async def main():
    q = asyncio.Queue()
    q.put(1)
    print(q.qsize())


asyncio.run(main())
