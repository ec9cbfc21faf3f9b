import asyncio


async def fetch(x):
    await asyncio.sleep(0.01)
    print("fetched", x)
    return x


def job(x):
    if x < 0:
        raise ValueError(f"bad id {x}")
    return fetch(x)


async def run_all(a, b):
    try:
        # `job` is a plain `def`: `job(b)` raises after the task of `job(a)`
        # would exist, and it would run on in the background.
        done, pending = await asyncio.wait([job(a), job(b)])  # leave: unsafe
        return sorted(t.result() for t in done)
    except ValueError as e:
        print("rejected:", e)
        return []


async def main():
    print(await run_all(1, -2))
    await asyncio.sleep(0.05)
    print("end")


asyncio.run(main())
