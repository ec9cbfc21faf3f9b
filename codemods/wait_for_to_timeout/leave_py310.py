# asyncmod-test: --target-version py310
import asyncio


async def fetch(client):
    # leave: asyncio.timeout is new in Python 3.11, so the codemod does nothing
    reply = await asyncio.wait_for(client.get("/"), timeout=5)
    return reply
