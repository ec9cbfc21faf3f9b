# asyncmod-runtime: compare
import asyncio

import compat


async def call():
    raise compat.ServiceTimeout("backend slow")


async def main():
    try:
        await call()
    except asyncio.TimeoutError as e:
        print("timed out:", e)

asyncio.run(main())
