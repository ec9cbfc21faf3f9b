# asyncmod-runtime: compare
import asyncio

from app.memory import Local, Logged, Memory
from app.service import cache, handle, log

asyncio.run(handle(Memory(), 1))
asyncio.run(log(Logged(), 2))
asyncio.run(cache(Local(), 3))
print("done")
