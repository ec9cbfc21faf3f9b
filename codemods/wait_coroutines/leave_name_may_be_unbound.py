import asyncio


async def fetch(x):
    await asyncio.sleep(0.01)
    print("fetched", x)
    return x


async def run_all(a, want_b):
    if want_b:
        b = a + 1
    try:
        # `b` may be unbound: `NameError` after the first task would exist.
        done, pending = await asyncio.wait([fetch(a), fetch(b)])  # leave: unsafe
        return sorted(t.result() for t in done)
    except NameError as e:
        print("no b:", type(e).__name__)
        return []


async def main():
    print(await run_all(1, False))
    await asyncio.sleep(0.05)
    print("end")


asyncio.run(main())
