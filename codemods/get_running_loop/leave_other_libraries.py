# A module that imports curio (or trio, or anyio) at run time may run its
# coroutines where no asyncio loop runs: `get_running_loop()` would raise
# there. Reported without a fix.
import asyncio

import curio


async def tick():
    loop = asyncio.get_event_loop()  # leave, reported: the module uses curio
    return loop


curio.run(tick)
