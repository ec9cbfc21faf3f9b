# A module that uses curio is not asyncio code: `asyncio.sleep` fails under
# curio's kernel, and this codemod does not write curio's sleep. Reported.
import time

import curio


async def tick():
    time.sleep(0.1)  # leave, reported: the module uses curio


curio.run(tick)
