# asyncmod-test: --unsafe-fixes
# The module lists its own names through `sys.modules[__name__]`, as it
# would through `globals()`: a new `_background_tasks` would show there.
import asyncio
import sys


async def audit(x):
    await asyncio.sleep(0.01)
    print("audit", x)


async def handle(x):
    asyncio.create_task(audit(x))  # leave, reported: the new set would be listed


async def main():
    await handle(1)
    await asyncio.sleep(0.05)


asyncio.run(main())
mod = sys.modules[__name__]
print(sorted(n for n in mod.__dict__ if not n.startswith("__")))
