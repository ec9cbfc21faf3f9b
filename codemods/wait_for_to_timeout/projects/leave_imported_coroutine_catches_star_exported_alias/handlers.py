import asyncio

from errs import Stopped


async def handle():
    try:
        await asyncio.sleep(1)
    except Stopped:
        return "stopped"
