# asyncmod-runtime: compare
import asyncio
from pkg import errors

async def callee():
    try:
        await asyncio.sleep(1)
    except errors.ALL:
        print("callee swallowed")
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
