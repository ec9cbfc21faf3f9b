import asyncio

from errs import STOP


async def handle():
    try:
        await asyncio.sleep(1)
    except STOP:
        print("handler stopped")
