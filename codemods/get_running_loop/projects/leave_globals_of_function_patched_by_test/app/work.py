import asyncio
async def schedule():
    loop = asyncio.get_event_loop()
    loop.call_later(10, print, "x")
