# asyncmod-runtime: compare
import asyncio
from app.svc import Service


async def caller():
    svc = Service()
    r = await asyncio.wait_for(svc.run(), 5)
    print("caller continued with", r)


async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
        print("caller finished normally")
    except asyncio.CancelledError:
        print("caller cancelled")


asyncio.run(main())
