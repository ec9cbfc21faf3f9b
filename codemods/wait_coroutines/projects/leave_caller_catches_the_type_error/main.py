# asyncmod-runtime: compare
# A caller catches the TypeError: no fix.
import asyncio

async def fetch(i):
    await asyncio.sleep(0.01)
    return i

async def run_all():
    done, _ = await asyncio.wait([fetch(1), fetch(2)])
    return sorted(t.result() for t in done)

async def main():
    try:
        print("new API:", await run_all())
    except TypeError:
        print("legacy path")

asyncio.run(main())
