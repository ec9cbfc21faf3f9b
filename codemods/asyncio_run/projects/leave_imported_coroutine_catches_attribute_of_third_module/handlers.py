import asyncio

import errors


async def handle():
    try:
        await asyncio.sleep(1)
    except errors.STOP:
        print("handler stopped")
