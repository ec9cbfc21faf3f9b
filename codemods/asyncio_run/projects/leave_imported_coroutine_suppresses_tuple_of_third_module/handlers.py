import asyncio
from contextlib import suppress

from errors import STOP


async def handle():
    with suppress(STOP):
        await asyncio.sleep(1)
    print("handler stopped")
