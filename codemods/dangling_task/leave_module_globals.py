# asyncmod-test: --unsafe-fixes
import asyncio


async def work():
    await asyncio.sleep(0)


async def lists_globals():
    asyncio.create_task(work())  # leave, reported: the new set would show in globals()
    print(sorted(k for k in globals() if not k.startswith("__")))
