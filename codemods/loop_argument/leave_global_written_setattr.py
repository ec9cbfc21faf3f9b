# The module binds a global behind its statements' backs (setattr): the
# name the fix relies on may be something else when the code runs.
import asyncio
from asyncio import sleep
import sys


async def my_sleep(delay, loop=None):
    print("my_sleep", delay, loop is not None)


def configure():
    setattr(sys.modules[__name__], "sleep", my_sleep)


async def main():
    configure()
    loop = asyncio.get_running_loop()
    await sleep(0, loop=loop)


asyncio.run(main())
