import asyncio

from util import release


async def handle():
    try:
        await asyncio.sleep(1)
    finally:
        release("slot")
