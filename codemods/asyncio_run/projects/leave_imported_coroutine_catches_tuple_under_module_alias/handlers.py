import asyncio

import errors as e


async def handle():
    try:
        await asyncio.sleep(1)
    except e.STOP:
        print("handler stopped")
