# asyncmod-runtime: compare
import asyncio

import net
import quiet
from net import wait_for


async def main():
    print(await net.fetch(), await quiet.fetch())
    print(await wait_for(net.answer(), 1))


asyncio.run(main())
