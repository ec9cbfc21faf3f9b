import asyncio

from errors import STOP


async def handle():
    try:
        await asyncio.sleep(1)
    except STOP:
        return "stopped"
