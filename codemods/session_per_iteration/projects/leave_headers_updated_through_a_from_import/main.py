import asyncio

import auth
import client


async def main():
    t = asyncio.create_task(auth.refresher())
    print(await client.fetch_all(["a", "b", "c"]))
    await t


asyncio.run(main())
