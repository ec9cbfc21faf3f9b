import asyncio


async def fetch(x, *, retries):
    await asyncio.sleep(0.01)
    print("fetched", x)
    return x


async def run_all(a, opts):
    try:
        # `**opts` may not bind: `TypeError` after the first task would exist.
        done, _ = await asyncio.wait([fetch(a, retries=1), fetch(a, **opts)])  # leave: unsafe
        return sorted(t.result() for t in done)
    except TypeError as e:
        print("bad call:", e)
        return []


async def main():
    print(await run_all(1, {"retry": 2}))
    await asyncio.sleep(0.05)


asyncio.run(main())
