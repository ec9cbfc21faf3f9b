# asyncmod-runtime: compare
import asyncio

import tracking


async def refresh():
    await asyncio.sleep(0)
    return "refreshed"


async def main():
    t = asyncio.ensure_future(refresh())
    print(await t, "tracked:", tracking.started)

asyncio.run(main())
