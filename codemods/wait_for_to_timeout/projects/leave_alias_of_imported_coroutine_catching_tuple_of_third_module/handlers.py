import asyncio

from errors import STOP


async def _handle():
    try:
        await asyncio.sleep(1)
    except STOP:
        return "stopped"


handle = _handle
