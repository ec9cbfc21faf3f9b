import time
_asyncio = "mine"


async def tick():
    time.sleep(0.01)
    return _asyncio
