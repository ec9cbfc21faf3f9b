"""Count every timeout the service waits on (installed once at start-up)."""
import asyncio

_original_wait_for = asyncio.wait_for
stats = {"waits": 0}


async def traced_wait_for(aw, timeout):
    stats["waits"] += 1
    return await _original_wait_for(aw, timeout)


asyncio.wait_for = traced_wait_for
