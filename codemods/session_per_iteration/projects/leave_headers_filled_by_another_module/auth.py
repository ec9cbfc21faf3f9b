import asyncio

import client


async def refresher():
    for i in range(1, 4):
        await asyncio.sleep(0)
        client.HEADERS["Authorization"] = f"token-{i}"
