import asyncio

from errors import Anything


async def handle():
    try:
        await asyncio.sleep(1)
    except Anything:
        print("handler stopped")
