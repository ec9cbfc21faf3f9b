import asyncio

import errs as e


async def handle():
    try:
        await asyncio.sleep(1)
    except e.ERRORS:
        print("handler stopped")
