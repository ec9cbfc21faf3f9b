# asyncmod-runtime: compare
import asyncio
from asyncio import wait_for
from testcompat import *


async def work():
    return 1


async def main():
    r = await wait_for(work(), 1)
    print(r)


asyncio.run(main())
