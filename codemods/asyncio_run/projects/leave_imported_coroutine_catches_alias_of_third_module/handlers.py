import asyncio

from errors import Stopped


async def handle():
    try:
        await asyncio.sleep(1)
    except Stopped:
        print("handler stopped")
