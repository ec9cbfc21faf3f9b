# A module that imports curio at run time is not asyncio code: its
# coroutines may run where no asyncio loop runs, and `asyncio.run` works
# there. Reported without a fix.
import asyncio

import curio


async def compute():
    return 1


async def main():
    return asyncio.run(compute())  # leave, reported: the module uses curio


curio.run(main)
