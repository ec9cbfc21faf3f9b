import asyncio

from util import release


def _cleanup():
    release("slot")


async def handle():
    try:
        await asyncio.sleep(1)
    finally:
        _cleanup()
