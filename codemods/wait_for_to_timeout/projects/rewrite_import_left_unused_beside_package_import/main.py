# asyncmod-runtime: compare
import asyncio

from pkg.waiter import wait

print(asyncio.run(wait(asyncio.Event())))
