import asyncio

import util as u


async def handle():
    try:
        await asyncio.sleep(1)
    finally:
        u.release("slot")
