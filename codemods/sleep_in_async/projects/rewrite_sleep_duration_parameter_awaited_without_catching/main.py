# asyncmod-runtime: compare
# The duration is a parameter, and the module's callers gather the
# coroutine and read its task's result, but nothing in the module catches
# a `ValueError` (no `return_exceptions=True`, no `exception()`, no
# handler): a negative duration would end the program either way.
# Rewritten.
import asyncio
import time


async def nap(d):
    time.sleep(d)
    return d


async def main():
    print(await asyncio.gather(nap(0.001), nap(0.002)))
    t = asyncio.create_task(nap(0.001))
    await asyncio.wait([t])
    print("result", t.result())


asyncio.run(main())
