# asyncmod-runtime: compare
import asyncio
import functools
from unittest import mock

from app.base import Base
from app.other import Other


async def main():
    await Base().run()
    duck = mock.Mock()
    await functools.partial(Other.run, duck)()
    print("flush called:", duck.flush.called)


asyncio.run(main())
