# asyncmod-runtime: compare
# A shim catches the TypeError that asyncio.wait raises on coroutines since
# 3.11, and falls back to gather: no fix.
import asyncio

async def fetch(i):
    await asyncio.sleep(0.01)
    return i

async def main():
    try:
        done, _ = await asyncio.wait([fetch(1), fetch(2)])
        print("wait took coroutines:", sorted(t.result() for t in done))
    except TypeError:
        print("wait refused coroutines; falling back to gather")
        print(await asyncio.gather(fetch(1), fetch(2)))

asyncio.run(main())
