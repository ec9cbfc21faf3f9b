# Iterating a name that may be a generator runs its code between the tasks:
# if it raises after the first task exists, that task now runs on in the
# background, where before no coroutine started. Unsafe: left alone without
# --unsafe-fixes.
import asyncio


async def fetch(n):
    print("fetch", n)
    return n


def urls():
    yield 1
    yield 2
    raise KeyError("bad url")


async def main():
    src = urls()
    try:
        done, _ = await asyncio.wait([fetch(u) for u in src])  # leave: unsafe
    except (KeyError, TypeError) as e:
        print(type(e).__name__)
    await asyncio.sleep(0.01)


asyncio.run(main())
