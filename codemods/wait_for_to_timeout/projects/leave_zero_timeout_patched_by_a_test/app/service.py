import asyncio
TIMEOUT = 10
async def fetch(client):
    try:
        return await asyncio.wait_for(client.get("/status"), TIMEOUT)
    except TimeoutError:
        return "fallback"
