# asyncmod-test: --target-version py310
# Iterating a list, tuple or range built in the function runs no code:
# the comprehension may create the tasks as it goes. A task held in a name
# stays as it is.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.001 * n)
    return n


async def main():
    ids = [3, 1, 2]
    done, _ = await asyncio.wait([fetch(i) for i in ids])  # rewrite
    print(sorted(t.result() for t in done))
    pairs = (4, 5)
    t = asyncio.create_task(fetch(6))
    done, _ = await asyncio.wait([fetch(p) for p in pairs] + [t])  # leave: not a display of calls
    print(sorted(x.result() for x in done))
    done, _ = await asyncio.wait([fetch(i) for i in range(2)])  # rewrite
    print(sorted(x.result() for x in done))
    done, _ = await asyncio.wait([fetch(7), t])  # rewrite
    print(sorted(x.result() for x in done))


asyncio.run(main())
