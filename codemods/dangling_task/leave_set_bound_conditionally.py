# asyncmod-test: --unsafe-fixes
# `_background_tasks` exists on one path only.
import asyncio
import os

if os.environ.get("TRACK_TASKS"):
    _background_tasks = set()


async def audit(x):
    await asyncio.sleep(0.01)
    print("audit", x)


async def handle(x):
    asyncio.create_task(audit(x))  # leave, reported: the set may not exist
    return "ok"


async def main():
    print(await handle(1))
    await asyncio.sleep(0.05)


asyncio.run(main())
