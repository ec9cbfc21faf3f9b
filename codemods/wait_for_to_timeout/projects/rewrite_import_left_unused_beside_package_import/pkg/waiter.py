import asyncio
from asyncio import Event, wait_for

import pkg


async def wait(ev: Event, timeout=None):
    if timeout is None:
        timeout = pkg.RESPONSE_TIMEOUT
    try:
        await wait_for(ev.wait(), timeout)
    except asyncio.TimeoutError:
        return "timed out"
    return "set"
