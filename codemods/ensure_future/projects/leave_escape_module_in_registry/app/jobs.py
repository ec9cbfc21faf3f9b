import asyncio

async def fetch():
    return "fetched"

async def run():
    t = asyncio.ensure_future(fetch())
    return await t
