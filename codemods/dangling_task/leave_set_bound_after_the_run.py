# asyncmod-test: --unsafe-fixes
# `_background_tasks` is bound after the line that runs the coroutines.
import asyncio


async def audit(x):
    await asyncio.sleep(0.01)
    print("audit", x)


async def handle(x):
    asyncio.create_task(audit(x))  # leave, reported: the set is bound too late
    return "ok"


async def main():
    print(await handle(1))
    await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main())

_background_tasks = set()
