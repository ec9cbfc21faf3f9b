# asyncmod-runtime: compare
# Arithmetic the analysis can bound keeps the fix: the larger of a number
# above zero and anything, an absolute value plus a number above zero, a
# count plus one, and names bound to numbers above zero.
import asyncio
import os

OFFSET = -3
PEERS = ["a"]
T = 5
BASE = T
LIMIT = BASE


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("ready")
    # rewrite: at least five
    item = await asyncio.wait_for(fut, max(5, int(os.environ.get("APP_T", "0"))))
    print(item)
    # rewrite: the absolute value is at least zero, plus a half
    item = await asyncio.wait_for(fut, abs(OFFSET) + 0.5)
    print(item)
    # rewrite: a count plus one
    item = await asyncio.wait_for(fut, len(PEERS) + 1)
    print(item)
    # rewrite: at least one (the awaitable is a name: the timeout may run first)
    item = await asyncio.wait_for(fut, max(1, len(PEERS) - 3))
    print(item)
    # rewrite: a name set to five, and names set to it
    item = await asyncio.wait_for(fut, T)
    print(item)
    item = await asyncio.wait_for(fut, LIMIT)
    print(item)


asyncio.run(main())
