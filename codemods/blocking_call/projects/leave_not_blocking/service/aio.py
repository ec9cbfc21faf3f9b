import asyncio


async def fetch(url):
    # The same name as `service.http.fetch`, but a coroutine function.
    await asyncio.sleep(0)
    return url
