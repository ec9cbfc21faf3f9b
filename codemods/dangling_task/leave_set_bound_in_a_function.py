# asyncmod-test: --unsafe-fixes
# `_background_tasks` is bound only when `init()` runs, and nothing calls
# it: reusing it would raise NameError.
import asyncio


def init():
    global _background_tasks
    _background_tasks = set()


async def audit(x):
    await asyncio.sleep(0.01)
    print("audit", x)


async def handle(x):
    asyncio.create_task(audit(x))  # leave, reported: the set may not exist yet
    return "ok"


async def main():
    print(await handle(1))
    await asyncio.sleep(0.05)


asyncio.run(main())
