# asyncmod-runtime: compare
import asyncio

from handlers import handle


async def caller():
    r = await asyncio.wait_for(handle(), 5)
    print("caller went on with", r)


async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
        print("caller finished normally")
    except asyncio.CancelledError:
        print("caller cancelled")

asyncio.run(main())
