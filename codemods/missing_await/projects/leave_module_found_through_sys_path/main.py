# asyncmod-runtime: compare
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins"))

from store import save  # noqa: E402


async def handle(record):
    # leave: `store` is found in plugins/ first, whose `save` is a plain def
    save(record)


asyncio.run(handle(1))
print("done")
