# asyncmod-runtime: compare
import asyncio

from pkg.waiter import wait, waiting_function

print(asyncio.run(wait(asyncio.Event())))
print(waiting_function())
