import asyncio

from base import Base
from cached import Cached


async def main():
    print(await Base().run())
    print(await Cached().run())


asyncio.run(main())
