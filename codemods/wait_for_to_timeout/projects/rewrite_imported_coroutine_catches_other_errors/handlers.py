import asyncio

from errors import ERRORS


async def handle():
    try:
        await asyncio.sleep(1)
    except ERRORS:
        return "stopped"
