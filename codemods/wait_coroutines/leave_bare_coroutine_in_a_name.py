# A coroutine made before the wait and held in a name is as bare as a
# coroutine call: on Python 3.11 `wait` raises TypeError on it, and wrapping
# only the calls beside it would start their tasks first. Either every
# coroutine is wrapped or none: reported without a fix.
import asyncio


async def fetch(n):
    print("fetch", n)
    return n


async def main():
    c = fetch(2)
    try:
        done, _ = await asyncio.wait([fetch(1), c])  # leave, reported
    except TypeError:
        print("TypeError")
        c.close()
    await asyncio.sleep(0.01)


asyncio.run(main())
