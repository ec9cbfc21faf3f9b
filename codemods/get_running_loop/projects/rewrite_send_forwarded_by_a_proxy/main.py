# asyncmod-runtime: compare
# A proxy's own `send` forwards to the coroutine it wraps, in a file that
# catches StopIteration for an iterator: nothing steps a coroutine by hand,
# so the fix stays safe.
import asyncio

from app.proxy import Wrapped, first
from app.work import work


async def main():
    print("result", await Wrapped(work()))
    print("first", first([]))


asyncio.run(main())
