# asyncmod-test: --unsafe-fixes
# The changes Fix safety describes, shown by programs whose output differs
# after the rewrite (so they are not runtime-compared): side effects
# interleave, and the error that comes out is the first in time, not the
# first in the loop; later calls run although an earlier one failed.
import asyncio


async def fetch(x):
    print("start", x)
    await asyncio.sleep(0.01 * (3 - x))
    if x > 0:
        raise ValueError(x)
    print("end", x)
    return x


async def main():
    try:
        print([await fetch(x) for x in range(3)])
    except ValueError as error:
        print("first error", error)


asyncio.run(main())
