# asyncmod-runtime: compare
import asyncio
from pkg.cm import guard

async def callee():
    async with guard():
        await asyncio.sleep(1)
    print("callee after guard")
    return 1

async def caller():
    r = await asyncio.wait_for(callee(), 5)
    print("caller went on", r)

async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.05)
    t.cancel()
    try:
        print("caller returned", await t)
    except BaseException as e:
        print("caller raised", type(e).__name__)

asyncio.run(main())
