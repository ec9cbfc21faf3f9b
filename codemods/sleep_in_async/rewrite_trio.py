import time

import trio


async def child(name):
    time.sleep(1)  # rewrite: a trio module gets trio.sleep
    print(name, "done")


async def parent():
    async with trio.open_nursery() as nursery:
        nursery.start_soon(child, "a")
