# asyncmod-runtime: compare
import asyncio
from pkg.r import close

async def inner():
    try:
        await asyncio.sleep(1)
    finally:
        await close()

async def caller():
    try:
        r = await asyncio.wait_for(inner(), 5)
    except Exception as e:
        r = type(e).__name__
    print('caller went on', r)
    return r

async def main():
    t = asyncio.create_task(caller())
    await asyncio.sleep(0.05)
    t.cancel()
    await asyncio.wait([t])
    print("caller cancelled" if t.cancelled() else f"caller result {t.result()!r}")

asyncio.run(main())
