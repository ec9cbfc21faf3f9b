import asyncio

import errors as e


async def handle():
    try:
        await asyncio.sleep(1)
    except (ValueError, e.STOP):
        return "stopped"
