# asyncmod-runtime: compare
import asyncio
from pkg.b import g

async def callee():
    await g()
    return 1

async def caller():
    try:
        r = await asyncio.wait_for(callee(), 5)
    except Exception as e:
        print("caller caught", type(e).__name__, e)
        r = None
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
