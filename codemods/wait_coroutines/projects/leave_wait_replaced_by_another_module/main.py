# asyncmod-runtime: compare
import asyncio

import compat  # noqa: F401


async def job(n):
    await asyncio.sleep(0)
    return n


async def main():
    done, pending = await asyncio.wait([job(1), job(2)])
    print(sorted(t.result() for t in done), len(pending))

asyncio.run(main())
