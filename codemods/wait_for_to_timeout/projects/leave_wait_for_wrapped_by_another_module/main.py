# asyncmod-runtime: compare
import asyncio

import tracing


async def fetch():
    await asyncio.sleep(0)
    return "page"


async def main():
    page = await asyncio.wait_for(fetch(), 1)
    print(page, "waits traced:", tracing.stats["waits"])

asyncio.run(main())
