import asyncio

from client import HEADERS


async def refresher():
    for i in range(1, 4):
        await asyncio.sleep(0)
        HEADERS.update(Authorization=f"token-{i}")
